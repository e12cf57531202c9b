export { createSimApp, type SimApp, type SimAppOptions } from './app';
export { catalogueFromWorld, customCatalogue, type SimCatalogue, type SimListing, type SimSeller } from './catalogue';
export {
  DEFAULT_CONTROL,
  Simulator,
  type CommandAnswer,
  type SimCommand,
  type SimControl,
  type SimStats,
} from './simulator';
