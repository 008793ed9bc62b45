export * from './holiday-table';
export * from './holidays-cn';
export * from './iso-date';
