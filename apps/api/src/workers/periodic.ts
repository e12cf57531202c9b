import type { Logger } from 'pino';

export interface PeriodicWork {
  /** Stops the loop and waits for the pass in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` now and then again `intervalMs` after each pass ends (never two at once). A failed
 * pass is logged and the loop goes on; `onStop` runs before waiting, to cut a long pass short;
 * `firstPassAfterMs` holds the first pass back (default: at once).
 */
export function runPeriodically(
  pass: () => Promise<unknown>,
  intervalMs: number,
  logger: Logger,
  failure: string,
  options: { onStop?: () => void; firstPassAfterMs?: number } = {},
): PeriodicWork {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();

  const tick = () => {
    timer = null;
    if (stopped) return;
    const work = pass().catch((error: unknown) => {
      logger.error({ err: error }, failure);
    });
    current = work;
    void work.then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  timer = setTimeout(tick, options.firstPassAfterMs ?? 0);

  return {
    stop: async () => {
      stopped = true;
      options.onStop?.();
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
