import { act, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes, type SetURLSearchParams } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useScreenSearchParams } from './useScreenSearchParams';

// a screen whose chunk never arrives: the router's transition keeps the screen being left on display
const NeverLoaded = lazy(() => new Promise<{ default: () => null }>(() => {}));

let setSearch: SetURLSearchParams = () => {};
function Searching() {
  const [params, set] = useScreenSearchParams();
  setSearch = set;
  return (
    <>
      <p>q={params.get('q') ?? ''}</p>
      <Link to="/other">other</Link>
    </>
  );
}

function app() {
  return render(
    <BrowserRouter>
      <Suspense fallback={<p>loading</p>}>
        <Routes>
          <Route path="/list" element={<Searching />} />
          <Route path="/other" element={<NeverLoaded />} />
        </Routes>
      </Suspense>
    </BrowserRouter>,
  );
}

describe('useScreenSearchParams', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('writes the search into the URL while the screen is the one shown', async () => {
    window.history.replaceState(null, '', '/list');
    app();
    await act(async () => setSearch({ q: 'demo' }));
    expect(window.location.pathname + window.location.search).toBe('/list?q=demo');
    expect(await screen.findByText('q=demo')).toBeTruthy();
  });

  it('does nothing once the user has gone to another screen that is still loading', async () => {
    window.history.replaceState(null, '', '/list');
    app();
    await act(async () => screen.getByText('other').click());
    // the URL moved on; the list is still mounted while the next screen's code loads
    expect(window.location.pathname).toBe('/other');
    expect(screen.getByText('q=')).toBeTruthy();

    // a debounced search firing now must not bring the user back to the list
    await act(async () => setSearch({ q: 'demo' }));
    expect(window.location.pathname + window.location.search).toBe('/other');
  });
});
