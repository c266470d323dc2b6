export * from './prospect';
export * from './company';
export * from './touch';
export * from './task';
export * from './stage-change';
export * from './ids';
export * from './merge';
export * from './urls';
