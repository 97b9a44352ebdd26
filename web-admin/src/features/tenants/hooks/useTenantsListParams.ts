import { useCallback } from 'react';
import { useScreenSearchParams } from '@buildcrm/web-shared/app/useScreenSearchParams';

/** `?page=` as the user may have typed it: anything but a positive whole number means the first page. */
function pageOf(value: string | null): number {
  return value !== null && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1;
}

/**
 * The tenants list's search and page live in the URL (`?q=…&page=2`): back/forward, a reload and a copied link
 * show the same page. Paging adds a history entry; so do starting and clearing a search, while refining one
 * replaces its entry (each debounced pause of the typing would otherwise become a step of the back button).
 */
export function useTenantsListParams() {
  const [search, setSearch] = useScreenSearchParams();
  const q = (search.get('q') ?? '').trim();
  const page = pageOf(search.get('page'));

  const update = useCallback(
    (next: { q?: string; page: number }, replace: boolean) =>
      setSearch(
        (current) => {
          const params = new URLSearchParams(current);
          if (next.q === '') params.delete('q');
          else if (next.q !== undefined) params.set('q', next.q);
          if (next.page > 1) params.set('page', String(next.page));
          else params.delete('page');
          return params;
        },
        { replace },
      ),
    [setSearch],
  );

  /** A new search starts again from the first page. */
  const setQuery = useCallback(
    (text: string) => {
      const next = text.trim();
      if (next !== q) update({ q: next, page: 1 }, q !== '' && next !== '');
    },
    [q, update],
  );
  const setPage = useCallback((next: number) => update({ page: next }, false), [update]);
  /** For a page past the end (a stale link, companies gone meanwhile): correct it without a history entry. */
  const replacePage = useCallback((next: number) => update({ page: next }, true), [update]);

  return { q, page, setQuery, setPage, replacePage };
}
