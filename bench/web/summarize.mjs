// Prints each Lighthouse run and the median (by performance score) of the JSON reports given as arguments.
import { readFileSync } from 'node:fs';

const METRICS = { FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time', CLS: 'cumulative-layout-shift', SI: 'speed-index', TTI: 'interactive' };
const runs = process.argv.slice(2).map((f) => {
  const r = JSON.parse(readFileSync(f, 'utf8'));
  const cats = Object.fromEntries(Object.entries(r.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
  const m = Object.fromEntries(Object.entries(METRICS).map(([k, a]) => [k, r.audits[a].numericValue]));
  return { f, cats, m, version: r.lighthouseVersion, ua: r.environment.hostUserAgent, ff: r.configSettings.formFactor, thr: r.configSettings.throttlingMethod, warn: r.runWarnings };
});
const fmt = (x) =>
  `perf ${x.cats.performance}` +
  Object.entries(x.cats).filter(([k]) => k !== 'performance').map(([k, v]) => `, ${k} ${v}`).join('') +
  ` | FCP ${(x.m.FCP / 1000).toFixed(2)} s, LCP ${(x.m.LCP / 1000).toFixed(2)} s, TBT ${Math.round(x.m.TBT)} ms, CLS ${x.m.CLS.toFixed(3)}, SI ${(x.m.SI / 1000).toFixed(2)} s, TTI ${(x.m.TTI / 1000).toFixed(2)} s`;
if (runs.length) {
  console.log(`Lighthouse ${runs[0].version}, formFactor ${runs[0].ff}, throttling ${runs[0].thr}, ${runs[0].ua.match(/HeadlessChrome\/\S+/)?.[0]}`);
}
runs.forEach((x, i) => console.log(`  run ${i + 1}: ${fmt(x)}${x.warn.length ? `  warnings: ${x.warn.join(' / ')}` : ''}`));
const median = (k, get) => {
  const v = runs.map(get).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
const med = {
  cats: Object.fromEntries(Object.keys(runs[0].cats).map((k) => [k, median(k, (x) => x.cats[k])])),
  m: Object.fromEntries(Object.keys(METRICS).map((k) => [k, median(k, (x) => x.m[k])])),
};
console.log(`  median (each value separately): ${fmt(med)}`);
console.log(`  performance ≥ 90: ${med.cats.performance >= 90 ? 'PASS' : 'FAIL'} (median ${med.cats.performance})`);
