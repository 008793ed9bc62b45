export * from './disposition';
export * from './firm';
export * from './firm-import';
export * from './keywords';
export * from './referral';
export * from './round';
export * from './screening-record';
export * from './types';
