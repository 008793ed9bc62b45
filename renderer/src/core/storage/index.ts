export * from './export-failure';
export * from './space';
export * from './storage-failure';
export * from './store-record';
