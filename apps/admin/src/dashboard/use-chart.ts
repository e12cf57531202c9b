import { useEffect, useState } from 'react';
import { toHttpError } from '../providers/data';

export type ChartState<T> =
  | { status: 'loading'; previous: T | null }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

/**
 * One chart's figures, asked of the server whenever the filters change (the answer comes from the
 * rollups, aggregated there; nothing is summed from lists here). While new figures load the previous
 * ones stay on screen, dimmed, so changing a filter does not make the page jump.
 */
export function useChart<Input, T>(load: (input: Input) => Promise<T>, input: Input): ChartState<T> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<ChartState<T>>({ status: 'loading', previous: null });
  useEffect(() => {
    let live = true;
    setState((current) => ({ status: 'loading', previous: current.status === 'ready' ? current.data : current.status === 'loading' ? current.previous : null }));
    load(JSON.parse(key) as Input).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', message: toHttpError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [load, key]);
  return state;
}
