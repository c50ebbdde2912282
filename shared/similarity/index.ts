export * from './check';
export * from './minhash';
export * from './normalize';
export * from './passages';
export * from './shingles';
export * from './thresholds';
export * from './window';
