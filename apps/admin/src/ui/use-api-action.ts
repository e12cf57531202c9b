import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { toHttpError } from '../providers/data';

/**
 * Runs one explicit mutation (a claim, a decision) and reports it: success as a toast and a refreshed
 * list, failure as a toast carrying the API's own message (e.g. who holds a claimed item).
 */
export function useApiAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  async function run(request: () => Promise<unknown>, success: string): Promise<boolean> {
    setPending(true);
    try {
      await request();
      notify(success, { type: 'success' });
      return true;
    } catch (error) {
      notify(toHttpError(error).message, { type: 'error', autoHideDuration: 10_000 });
      return false;
    } finally {
      setPending(false);
      // Also after a failure: a conflict usually means the list is stale.
      refresh();
    }
  }

  return { run, pending };
}
