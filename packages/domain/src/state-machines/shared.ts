import { DomainError, err, type Result } from '../errors';

/** The error every machine returns for an event its current state does not accept. */
export const refuse = (message: string): Result<never> => err(new DomainError('invalid_transition', message));

/** Compile-time exhaustiveness: adding a state to model.ts breaks the build until every switch handles it. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled state: ${String(value)}`);
}
