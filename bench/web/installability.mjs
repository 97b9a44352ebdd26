// PWA installability of the served web-crm (Lighthouse 12 removed the PWA category and its
// `installable-manifest` audit, so this checks it directly in the same Debian chromium):
//  - the manifest's fields (name/short_name, icons 192 and 512 PNG, start_url, display standalone, scope/id)
//  - a service worker registered for /crm/ that controls the page (after one reload, as for a returning user)
//  - Chrome's own verdict: CDP Page.getInstallabilityErrors (empty = installable) and Page.getAppManifest errors
//   node installability.mjs http://127.0.0.1:4173/crm/   (CHROME_PATH, default /usr/bin/chromium)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL_ = process.argv[2] ?? 'http://127.0.0.1:4173/crm/';
// A persistent profile: Playwright's default contexts are incognito, which Chrome never offers to install.
const profile = mkdtempSync(join(tmpdir(), 'buildcrm-pwa-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const checks = [];
const check = (name, ok, detail = '') => checks.push({ name, ok: Boolean(ok), detail });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(URL_, { waitUntil: 'load' });
  const scope = await page.evaluate(async () => {
    const reg = await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(() => r(null), 20000))]);
    return reg ? reg.scope : null;
  });
  check('service worker registered (ready)', scope, scope ?? 'no registration within 20 s');
  await page.reload({ waitUntil: 'load' });
  const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  check('service worker controls the page (after reload)', controller, controller ?? 'navigator.serviceWorker.controller is null');

  const manifestHref = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href ?? null);
  check('<link rel="manifest">', manifestHref, manifestHref ?? 'missing');
  if (manifestHref) {
    const resp = await page.request.get(manifestHref);
    const ctype = resp.headers()['content-type'] ?? '';
    check('manifest served as application/manifest+json', ctype.startsWith('application/manifest+json'), ctype);
    const m = await resp.json();
    check('manifest name / short_name', m.name && m.short_name, `${m.name} / ${m.short_name}`);
    check('manifest start_url', m.start_url, m.start_url);
    check('manifest display standalone', ['standalone', 'fullscreen', 'minimal-ui'].includes(m.display), m.display);
    const icons = m.icons ?? [];
    for (const size of ['192x192', '512x512']) {
      const icon = icons.find((i) => (i.sizes ?? '').split(' ').includes(size) && (!i.purpose || i.purpose.split(' ').includes('any')));
      let ok = false;
      let detail = 'missing';
      if (icon) {
        const r = await page.request.get(new URL(icon.src, manifestHref).href);
        ok = r.ok() && (r.headers()['content-type'] ?? '').startsWith('image/png');
        detail = `${icon.src} → ${r.status()} ${r.headers()['content-type']}`;
      }
      check(`manifest icon ${size} (purpose any)`, ok, detail);
    }
  }
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  check('Chrome Page.getInstallabilityErrors is empty', installabilityErrors.length === 0,
    installabilityErrors.map((e) => e.errorId).join(', ') || 'none');
  const am = await cdp.send('Page.getAppManifest');
  check('Chrome Page.getAppManifest parses without errors', am.errors.length === 0 && am.data,
    am.errors.map((e) => e.message).join('; ') || am.url);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
const ok = checks.every((c) => c.ok);
console.log(`installable PWA: ${ok ? 'YES' : 'NO'}`);
process.exitCode = ok ? 0 : 1;
