export * from './four-eyes';
export * from './idle-lock';
export * from './passphrase';
export * from './permissions';
export * from './roles';
export * from './types';
export * from './validate-user';
