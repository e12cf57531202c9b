import { describe, expect, it } from 'vitest';
import { DomainError, type Result } from '../errors';

export interface TransitionTableSpec<S extends string, E extends string> {
  states: readonly S[];
  events: readonly E[];
  /** Every legal transition. Any (state, event) pair not listed here must be refused. */
  legal: { [state in S]: Partial<Record<E, S>> };
  transition: (state: S, event: E) => Result<S>;
  can: (state: S, event: E) => boolean;
  allowedEvents: (state: S) => E[];
}

/**
 * Shared by the machines' tests: enumerates the full states × events grid so that a new
 * state or event is tested (as illegal) the moment it is added to its list.
 */
export function describeTransitionTable<S extends string, E extends string>(spec: TransitionTableSpec<S, E>) {
  const pairs = spec.states.flatMap((state) =>
    spec.events.map((event) => ({ state, event, next: spec.legal[state][event] })),
  );
  const legalPairs = pairs.filter((pair) => pair.next !== undefined);
  const illegalPairs = pairs.filter((pair) => pair.next === undefined);

  describe('legal transitions', () => {
    it.each(legalPairs)('$state --$event--> $next', ({ state, event, next }) => {
      expect(spec.transition(state, event)).toEqual({ ok: true, value: next });
      expect(spec.can(state, event)).toBe(true);
    });
  });

  describe('illegal transitions', () => {
    it.each(illegalPairs)('$state --$event--> invalid_transition', ({ state, event }) => {
      const result = spec.transition(state, event);
      if (result.ok) throw new Error(`expected ${event} on ${state} to be refused`);
      expect(result.error).toBeInstanceOf(DomainError);
      expect(result.error.code).toBe('invalid_transition');
      expect(result.error.message).toMatch(new RegExp(`^Cannot ${event} .* ${state}$`));
      expect(spec.can(state, event)).toBe(false);
    });
  });

  it.each([...spec.states])('allowed events of %s are exactly its legal ones', (state) => {
    expect(spec.allowedEvents(state)).toEqual(
      spec.events.filter((event) => spec.legal[state][event] !== undefined),
    );
  });
}
