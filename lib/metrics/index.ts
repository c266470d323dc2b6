export * from './types';
export * from './period';
export * from './stages';
export * from './compute';
export { touchStatsFromRows, type TouchRow, type TouchStats } from './touches';
