import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { changeFilters, filtersFromSearch, searchOfFilters, type DashboardFilters } from './filters';

/**
 * The dashboard's filters live in the page's query string (inside the admin's hash route), so a view
 * can be bookmarked or sent to a colleague; each change is a history entry, so Back undoes it.
 */
export function useDashboardFilters(): [DashboardFilters, (change: Partial<DashboardFilters>) => void] {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (change: Partial<DashboardFilters>) => setSearch(searchOfFilters(changeFilters(filters, change))),
    [filters, setSearch],
  );
  return [filters, update];
}
