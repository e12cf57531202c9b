import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';

/** Lets callers outside this package tell database failures apart without importing MikroORM. */
export const isUniqueViolation = (error: unknown): boolean => error instanceof UniqueConstraintViolationException;
export const isDatabaseError = (error: unknown): boolean => error instanceof DriverException;
