import { http, HttpResponse } from 'msw';
import { session } from '../lib/api';
import { owner, tokenPair } from './fixtures';
import { renderApp } from './renderApp';
import { server } from './server';

/** The app at `path` for a signed-in user of the given role. */
export function renderSignedIn(path: string, role: 'owner' | 'rop' | 'manager' = 'owner') {
  session.save(tokenPair('1'));
  server.use(http.get('*/api/crm/me', () => HttpResponse.json({ ...owner, id: role === 'manager' ? 11 : 10, role })));
  return renderApp(path);
}
