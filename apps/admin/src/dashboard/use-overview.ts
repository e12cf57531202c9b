import { useEffect, useState } from 'react';
import { toHttpError } from '../providers/data';
import { trpc, type OverviewSummary } from '../providers/trpc';

export type OverviewState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; summary: OverviewSummary };

/** The home pages' one source of figures: counted on the server, never summed from lists here. */
export function useOverview(): OverviewState {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    trpc.admin.overview.summary.query().then(
      (summary) => live && setState({ status: 'ready', summary }),
      (error: unknown) => live && setState({ status: 'error', message: toHttpError(error).message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
