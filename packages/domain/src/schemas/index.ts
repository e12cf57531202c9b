// idSchema stays internal: the public one is api/common's, which carries the user-facing message.
export {
  currencySchema,
  jsonObjectSchema,
  marketplaceCodeSchema,
  priceCentsSchema,
  probabilitySchema,
} from './common';
export * from './marketplace';
export * from './user';
export * from './brand';
export * from './ip-right';
export * from './protected-product';
export * from './seller';
export * from './listing';
export * from './notice';
export * from './auth-request';
export * from './removal';
export * from './appeal';
export * from './strike';
export * from './message';
export * from './audit-event';
export * from './model-version';
export * from './outbox';
