import type { QueryClient } from '@tanstack/react-query';
import { tokenRoles } from '@buildcrm/web-shared/lib/tokenRoles';
import { api, session } from '../lib/api';
import { managesCompany, meQueryOptions } from '../features/me/api/getMe';
import { preloadScreen, screenOf } from './routes';

/**
 * A signed-in start (a reload, a new tab, a reopened PWA) does at once, side by side, what the screens would
 * otherwise do one after the other once React has rendered each step: restore the session from the refresh cookie
 * (as soon as config.json is read), fetch the screen's chunks, and, once signed in, the data the first screen
 * shows — the user and the «Сейчас» queue (the layout's badge), and on «Сейчас» and the leads screen whether the
 * company is new (the first steps). The queries are the screens' own (same keys and functions), so the screens
 * find them in the cache instead of asking again; without a session nothing happens and the login page shows.
 *
 * @param path the location relative to the router's basename (`/now`, `/leads/12`, `/`)
 */
export function startSignedIn(queryClient: QueryClient, path: string): void {
  if (session.tokens() === null && !session.mayRestore()) return;
  const screen = screenOf(path);
  if (screen === null) return;
  preloadScreen(path);
  const signedIn = api.restore();
  const whenSignedIn = <M>(load: Promise<M>, run: (module: M) => Promise<unknown>) =>
    void Promise.all([signedIn, load])
      .then(([yes, module]) => (yes ? run(module) : undefined))
      // a failed prefetch is the screen's to show: it asks again when it renders
      .catch(() => undefined);

  whenSignedIn(import('../features/now/api/now'), ({ nowQueryOptions }) =>
    queryClient.prefetchQuery(nowQueryOptions('me')),
  );
  if (screen !== 'now' && screen !== 'leads') {
    whenSignedIn(Promise.resolve(), () => queryClient.fetchQuery(meQueryOptions()));
    return;
  }
  const companyCheck = () =>
    import('../features/leads/api/leads').then(({ firstLeadQueryOptions }) =>
      queryClient.prefetchQuery(firstLeadQueryOptions()),
    );
  whenSignedIn(Promise.resolve(), async () => {
    // The access token names the role: an owner's or head's company check goes out beside `me` instead of after
    // it (one round trip less before «Сейчас» can show). Only a hint: the screen decides from `me`, as before.
    const hinted = tokenRoles(session.tokens()?.accessToken).some((role) => managesCompany({ role }));
    const early = hinted ? companyCheck() : undefined;
    const me = await queryClient.fetchQuery(meQueryOptions());
    if (early !== undefined) await early;
    else if (managesCompany(me)) await companyCheck();
  });
}
