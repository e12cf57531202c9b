export * from './accounts';
export {
  seedWorld,
  generateWorld,
  DEFAULT_SEED,
  SEED_SIZES,
  COUNTERFEIT_SHARE,
  DETECTION_THRESHOLDS,
  SIMULATOR_BASE_URL,
} from './world';
export type { SeedSize, SeedWorldOptions, GeneratedWorld } from './world';
export { seedRemovalEvents } from './removal-events';
export type { SeedRemovalEventsOptions } from './removal-events';
