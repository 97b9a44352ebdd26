// Initial JS of the built web-crm: the scripts index.html loads on first paint (module entry, modulepreloads,
// classic <script src>, e.g. registerSW.js), with raw size, zlib gzip level 9 and level 6 (Vite's own "gzip:" column
// in the build log differs slightly, ~1 %; record both). Static imports of the entry not listed as modulepreload are followed as well, so
// nothing the entry needs before rendering is missed. Lazy chunks (dynamic import()) are excluded and listed apart.
// Also prints (not a budget) the JS of the signed-in board: the entry plus the lazy layout and leads screen.
//   node initial-js-size.mjs ../../web-crm/dist [--json] [--limit-kb 200]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const DIST = resolve(args.find((a) => !a.startsWith('--')) ?? new URL('../../web-crm/dist', import.meta.url).pathname);
const limitIdx = args.indexOf('--limit-kb');
const LIMIT_KB = limitIdx >= 0 ? Number(args[limitIdx + 1]) : 200;
const BASE = '/crm/';

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const toFile = (href) => (href.startsWith(BASE) ? href.slice(BASE.length) : href.replace(/^\.?\//, ''));
const initial = new Set();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) initial.add(toFile(m[1]));
for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) initial.add(toFile(m[1]));

// follow static imports (`from "./x.js"` / `import "./x.js"`) of the given chunks; adds them to `set`
function withStaticImports(set) {
  const queue = [...set];
  while (queue.length) {
    const f = queue.shift();
    if (!f.endsWith('.js')) continue;
    const src = readFileSync(join(DIST, f), 'utf8');
    for (const m of src.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g)) {
      const dep = join(f.slice(0, f.lastIndexOf('/') + 1), m[1]);
      if (!set.has(dep)) {
        set.add(dep);
        queue.push(dep);
      }
    }
  }
  return set;
}
withStaticImports(initial);

const kb = (n) => n / 1000; // Vite reports kB = 1000 bytes
const measure = (f) => {
  const buf = readFileSync(join(DIST, f));
  return {
    file: f,
    raw: buf.length,
    gzip9: gzipSync(buf, { level: 9 }).length,
    gzip6: gzipSync(buf, { level: constants.Z_DEFAULT_COMPRESSION }).length,
  };
};
const rows = [...initial].map(measure).sort((a, b) => b.gzip9 - a.gzip9);
const total = rows.reduce((s, r) => ({ raw: s.raw + r.raw, gzip9: s.gzip9 + r.gzip9, gzip6: s.gzip6 + r.gzip6 }), { raw: 0, gzip9: 0, gzip6: 0 });
const lazy = readdirSync(join(DIST, 'assets'))
  .filter((f) => f.endsWith('.js') && !initial.has('assets/' + f))
  .map((f) => measure('assets/' + f));

// Not a budget, for the record: what a signed-in manager's phone loads before the board shows (the entry plus the
// lazy layout and leads screen with everything they import).
const board = withStaticImports(
  new Set([
    ...initial,
    ...readdirSync(join(DIST, 'assets'))
      .filter((f) => /^(AppLayout|LeadsPage)-.*\.js$/.test(f))
      .map((f) => 'assets/' + f),
  ]),
);
const boardTotal = [...board].map(measure).reduce((s, r) => ({ raw: s.raw + r.raw, gzip9: s.gzip9 + r.gzip9 }), { raw: 0, gzip9: 0 });

if (args.includes('--json')) {
  console.log(JSON.stringify({ dist: DIST, limitKb: LIMIT_KB, initial: rows, total, lazy, board: boardTotal }, null, 2));
} else {
  const line = (r) => `${r.file.padEnd(40)} ${kb(r.raw).toFixed(2).padStart(9)} ${kb(r.gzip9).toFixed(2).padStart(9)} ${kb(r.gzip6).toFixed(2).padStart(9)}`;
  console.log(`initial JS of ${DIST}/index.html (kB = 1000 bytes)`);
  console.log(`${'file'.padEnd(40)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)} ${'gzip -6'.padStart(9)}`);
  rows.forEach((r) => console.log(line(r)));
  console.log(line({ file: 'TOTAL', ...total }));
  console.log(`lazy JS chunks (not initial): ${lazy.length ? lazy.map((r) => `${r.file} ${kb(r.gzip9).toFixed(2)} kB gz`).join(', ') : 'none'}`);
  console.log(`signed-in board (/crm/leads: initial + lazy AppLayout, LeadsPage and their imports, ${board.size} files): ${kb(boardTotal.raw).toFixed(2)} kB raw, ${kb(boardTotal.gzip9).toFixed(2)} kB gzip -9`);
  console.log(`target ≤ ${LIMIT_KB} kB gzip: ${kb(total.gzip9) <= LIMIT_KB ? 'PASS' : 'FAIL'} (${kb(total.gzip9).toFixed(2)} kB gzip -9)`);
}
