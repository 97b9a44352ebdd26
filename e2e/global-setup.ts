import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const OPERATOR_EMAIL = 'operator@e2e.test';
export const OPERATOR_PASSWORD = 'operator-e2e-pass-1';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

/** Starts the real uber jar on the embedded default with its own data directory and waits until it is ready. */
export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_BASE_URL) return; // a server started by hand
  const jar = resolve(process.cwd(), '../platform/server/target/buildcrm.jar');
  const port = await freePort();
  // the web CRM on its own origin (tests/crm/origin.spec.ts serves web-crm/dist there): the server grants it CORS
  const staticPort = await freePort();
  process.env.E2E_STATIC_PORT = String(staticPort);
  const dataDir = mkdtempSync(join(tmpdir(), 'buildcrm-e2e-'));
  const log = openSync(join(dataDir, 'server.log'), 'a');
  const server = spawn('java', ['-Xmx1g', '-jar', jar, '--port', String(port)], {
    env: {
      ...process.env,
      BUILDCRM_PORT: String(port),
      BUILDCRM_DATA_DIR: dataDir,
      BUILDCRM_OPERATOR_EMAIL: OPERATOR_EMAIL,
      BUILDCRM_OPERATOR_PASSWORD: OPERATOR_PASSWORD,
      BUILDCRM_PUBLIC_URL: `http://127.0.0.1:${port}`,
      BUILDCRM_CORS_ORIGINS: `http://127.0.0.1:${staticPort}`,
    },
    stdio: ['ignore', log, log],
    detached: false,
  });
  const base = `http://127.0.0.1:${port}`;
  writeFileSync(join(process.cwd(), '.server.json'), JSON.stringify({ pid: server.pid, base, dataDir }));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}; see ${dataDir}/server.log`);
    try {
      const r = await fetch(`${base}/health/ready`);
      if (r.ok) {
        process.env.E2E_BASE_URL = base;
        process.env.E2E_DATA_DIR = dataDir;
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not ready within 180 s; see ${dataDir}/server.log`);
}
