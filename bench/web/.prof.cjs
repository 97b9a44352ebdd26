const { chromium } = require('playwright-core');
(async () => {
  const base = process.argv[2];
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const ctx = await b.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, locale: 'ru-RU' });
  const p = await ctx.newPage();
  await p.goto(base + '/crm/login');
  await p.getByLabel('Код компании').fill('demo');
  await p.getByLabel('Email').fill('owner@demo.kz');
  await p.getByLabel('Пароль').fill('demo-owner-1');
  await p.getByRole('button', { name: /Войти|Sign in/ }).click();
  await p.waitForURL(/\/crm\/(now|leads)/);
  await p.waitForTimeout(3000);
  const state = await ctx.storageState();
  const ctx2 = await b.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, locale: 'ru-RU', storageState: state, serviceWorkers: 'block' });
  const p2 = await ctx2.newPage();
  const cdp = await ctx2.newCDPSession(p2);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let commits = 0;
  await cdp.send('Profiler.start');
  await p2.goto(base + '/crm/now');
  await p2.waitForTimeout(8000);
  const { profile } = await cdp.send('Profiler.stop');
  require('fs').writeFileSync('/tmp/now.cpuprofile', JSON.stringify(profile));
  // self time per function
  const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const dt = profile.timeDeltas; const samples = profile.samples;
  for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]); const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop() + ':' + n.callFrame.lineNumber; self.set(k, (self.get(k) || 0) + (dt[i] || 0)); }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, v] of top) console.log((v / 1000).toFixed(0).padStart(6), 'ms', k);
  console.log('url', p2.url());
  const byUrl = new Map();
  for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]); const k = n.callFrame.url.split('/').pop() || n.callFrame.functionName; byUrl.set(k, (byUrl.get(k) || 0) + (dt[i] || 0)); }
  for (const [k, v] of [...byUrl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log('URL', (v / 1000).toFixed(0).padStart(6), 'ms', k);
  const m = await p2.evaluate(() => JSON.stringify(performance.getEntriesByType('paint').map(e => [e.name, Math.round(e.startTime)])));
  console.log(m);
  await b.close();
})();
