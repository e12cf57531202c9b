export * from './features';
export * from './product-matcher';
export * from './scoring';
export * from './training';
export * from './evaluation';
export * from './retrain';
export * from './perceptual-hash';
export { COUNTERFEIT_TERMS, OFFICIAL_TERMS } from './vocabulary';
export { normaliseText } from './text';
