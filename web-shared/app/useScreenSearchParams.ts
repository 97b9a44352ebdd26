import { useCallback, useContext } from 'react';
import { UNSAFE_NavigationContext, useHref, useLocation, useSearchParams, type SetURLSearchParams } from 'react-router';

/**
 * `useSearchParams` for a screen that writes its own state (a search, filters, a page) into the URL, with one
 * guard: once the user has gone to another screen, a late write (a debounced search firing after the tap on the
 * navigation) does nothing instead of pulling the user back.
 *
 * The late write is possible because the router navigates in a React transition: the browser's URL changes at once,
 * while the screen being left stays mounted until the next screen's lazy chunk has loaded (ADR 044). The router's
 * history knows the URL already; a screen whose own path is no longer that URL's path has been left. Under a data
 * router (the tests' `createMemoryRouter`), whose navigator has no such location, the guard stays out of the way.
 */
export function useScreenSearchParams(): [URLSearchParams, SetURLSearchParams] {
  const [params, set] = useSearchParams();
  const { pathname } = useLocation();
  const here = useHref({ pathname });
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const setHere = useCallback<SetURLSearchParams>(
    (next, options) => {
      const latest = (navigator as { location?: { pathname?: unknown } }).location?.pathname;
      if (typeof latest === 'string' && latest !== here) return;
      set(next, options);
    },
    [navigator, here, set],
  );
  return [params, setHere];
}
