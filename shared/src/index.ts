export * from './codec.js';
export * from './constants.js';
export * from './encoding.js';
export * from './messages.js';
export * from './pairing-url.js';
export * from './proofs.js';
