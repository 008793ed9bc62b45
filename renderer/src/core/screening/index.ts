export * from './disposition';
export * from './firm';
export * from './firm-import';
export * from './keywords';
export * from './round';
export * from './screening-record';
export * from './types';
export * from './referral';
