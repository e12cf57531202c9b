import { useCallback, useEffect, useState } from 'react';
import { toHttpError } from '../providers/data';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * One procedure's answer for a custom page, loaded on mount and again on `reload()` (after a
 * mutation); the last answer stays shown while the next one loads, so tables do not flicker.
 */
export function useLoaded<T>(load: () => Promise<T>): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', message: toHttpError(error).message }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `round` is what asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { state, reload };
}
