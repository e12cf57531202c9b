import type { EntityManager } from '@mikro-orm/core';

const ROLLBACK = Symbol('rollback');

/**
 * Runs a procedure's remaining middlewares in one transaction and rolls it back when the outcome is a
 * refusal: a mutation's changes and its audit rows commit or roll back together. Shared by the app's
 * and the REST surface's tRPC instances.
 */
export async function inOneTransaction<Outcome extends { ok: boolean }>(em: EntityManager, run: (em: EntityManager) => Promise<Outcome>): Promise<Outcome> {
  let outcome: Outcome | undefined;
  try {
    await em.transactional(async (tx) => {
      outcome = await run(tx);
      if (!outcome.ok) throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return outcome!;
}
