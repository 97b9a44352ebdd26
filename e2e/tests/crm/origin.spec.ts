import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test } from '../browserGuard';
import { clientWrites, createTenant, tile } from './crmWorld';

/**
 * The CRM on its own origin (ADR 029): the built web-crm/dist served by a plain static server on another port, with
 * a config.json that names the API, and the Content-Security-Policy the README asks a static host to send. The
 * server allows exactly that origin (BUILDCRM_CORS_ORIGINS, set by global-setup).
 */
const DIST = resolve(process.cwd(), '../web-crm/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** What the README's "Web apps on their own origin" section asks the static host to send. */
function policy(api: string) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' ${api} data: blob:`,
    "font-src 'self' data:",
    `media-src 'self' ${api} blob:`,
    `connect-src 'self' ${api}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function staticHost(api: string): Server {
  return createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/crm/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
      res.end(JSON.stringify({ apiBaseUrl: api }));
      return;
    }
    if (!path.startsWith('/crm/')) {
      res.writeHead(302, { Location: '/crm/' }).end();
      return;
    }
    let file = normalize(join(DIST, path.slice('/crm/'.length)));
    if (!file.startsWith(DIST)) {
      res.writeHead(404).end();
      return;
    }
    // client-side routes fall back to index.html, as a static host's rewrite does
    if (path.endsWith('/') || extname(path) === '') file = join(DIST, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': policy(api),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

test('the CRM served from another origin signs in, restores the session in a new tab and gets live updates from the API', async ({
  page,
  context,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'crm-desktop', 'one viewport is enough for the origin');
  test.slow(); // two tabs, a restore and a live event on a shared CI machine
  const port = process.env.E2E_STATIC_PORT;
  test.skip(!port, 'needs the server started by global-setup (BUILDCRM_CORS_ORIGINS)');
  const api = new URL(process.env.E2E_BASE_URL!).origin;
  const web = `http://127.0.0.1:${port}`;
  const host = staticHost(api);
  await new Promise<void>((ok) => host.listen(Number(port), '127.0.0.1', ok));
  try {
    const tenant = await createTenant(request, 'origin');
    await clientWrites(request, tenant, '+77015550301', 'Асель', 'Здравствуйте! Интересует дом');

    const board = page.waitForResponse((r) => r.url().startsWith(`${api}/api/crm/board`) && r.ok());
    await page.goto(`${web}/crm/`);
    await page.getByLabel(/Код компании/).fill(tenant.slug);
    await page.getByLabel(/Email/).fill(tenant.owner.email);
    await page.getByLabel(/Пароль/).fill(tenant.owner.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await board;
    await expect(page.getByTestId('board')).toBeVisible();
    await expect(tile(page, 'Асель')).toBeVisible();
    expect(new URL(page.url()).origin).toBe(web);

    // the refresh cookie is the API's, partitioned under the app's site, and SameSite=None so it goes back there
    const cookie = (await context.cookies()).find((c) => c.name === 'buildcrm_crm_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'None', path: '/api/auth' });

    // a new tab has no access token: it restores the session from that cookie, across origins
    const second = await context.newPage();
    const restored = second.waitForResponse((r) => r.url() === `${api}/api/auth/refresh` && r.ok());
    const stream = second.waitForResponse((r) => r.url().startsWith(`${api}/api/crm/events?`) && r.ok());
    await second.goto(`${web}/crm/`);
    await restored;
    await expect(second.getByTestId('board')).toBeVisible();

    // the live stream crosses origins too: a new client's lead appears without a reload
    await stream;
    await clientWrites(request, tenant, '+77015550302', 'Берик', 'Добрый день');
    await expect(tile(second, 'Берик')).toBeVisible();
  } finally {
    await new Promise((done) => host.close(done));
  }
});
