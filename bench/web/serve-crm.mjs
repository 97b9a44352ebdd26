// Tiny static server for the built web-crm, mirroring platform/server/.../webapp/WebAppResource.java:
// the app under /crm/, `/` and `/crm` redirect to `/crm/`, unknown paths without a dot fall back to index.html,
// the same content types and Cache-Control (assets/ immutable for a year, everything else no-cache).
// The real server (Payara, default http-listener) does NOT compress; `--gzip` adds on-the-fly gzip
// (zlib level 6, as nginx/most CDNs would) for text types when the client sends Accept-Encoding: gzip.
//
//   node serve-crm.mjs --dist ../../web-crm/dist --port 4173 [--gzip]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const DIST = resolve(opt('--dist', new URL('../../web-crm/dist', import.meta.url).pathname));
const PORT = Number(opt('--port', '4173'));
const GZIP = args.includes('--gzip');

const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['html', 'js', 'mjs', 'css', 'json', 'webmanifest', 'svg', 'txt']);
const gzCache = new Map();

async function read(file) {
  try {
    return await readFile(join(DIST, file));
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = decodeURIComponent(url.pathname);
  if (p === '/' || p === '/crm') {
    res.writeHead(303, { Location: '/crm/' }).end();
    return;
  }
  if (!p.startsWith('/crm/') || p.includes('..') || p.includes('\\')) {
    res.writeHead(404).end();
    return;
  }
  const clean = p.slice('/crm/'.length);
  let file = clean === '' || clean.endsWith('/') ? clean + 'index.html' : clean;
  let body = await read(normalize(file));
  let fallback = false;
  if (body === null && !file.includes('.')) {
    body = await read('index.html');
    file = 'index.html';
    fallback = true;
  }
  if (body === null) {
    res.writeHead(404).end();
    return;
  }
  const ext = file.slice(file.lastIndexOf('.') + 1);
  const headers = {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': !fallback && file.startsWith('assets/') ? 'max-age=31536000' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (GZIP && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    let gz = gzCache.get(file);
    if (!gz) gzCache.set(file, (gz = gzipSync(body, { level: 6 })));
    body = gz;
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
});
server.listen(PORT, '127.0.0.1', () =>
  console.log(`serving ${DIST} at http://127.0.0.1:${PORT}/crm/ (gzip ${GZIP ? 'on' : 'off'})`),
);
