import { useEffect } from 'react';
import { useFetcher, useLocation } from 'react-router';

const REFRESH_MS = 60_000;

/** A route's loader data for a top-bar counter: loaded on every page change and once a minute while open. */
export function useRefreshedLoader<Loader>(key: string, path: string) {
  const fetcher = useFetcher<Loader>({ key });
  const { pathname } = useLocation();
  const { load } = fetcher;
  useEffect(() => {
    void load(path);
    const timer = window.setInterval(() => void load(path), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, path, pathname]);
  return fetcher.data;
}
