import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { SessionStore } from '../lib/session';

/** What every test file of an app starts from (its `src/test/setup.ts` calls this with the app's own pieces). */
export interface TestSetup {
  /** The network boundary (msw): every test declares the API answers it expects; anything else fails the test. */
  server: { listen(options: { onUnhandledRequest: 'error' }): void; resetHandlers(): void; close(): void };
  session: SessionStore;
  i18n: I18n;
  /** Resets app-specific test state after each test (the CRM's fake backend). */
  reset?: () => void;
}

/**
 * Stubs the browser APIs jsdom lacks, starts msw, and after each test unmounts, resets the handlers, ends the
 * session, clears storage and switches back to Russian: with `isolate: false` module state is shared between files.
 */
export function setUpTests({ server, session, i18n, reset }: TestSetup) {
  // jsdom lacks these browser APIs that Mantine uses.
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Element.prototype.scrollIntoView = () => {};

  // findBy*/waitFor wait for an answer, they do not sleep: a longer limit only matters on busy shared CPUs (the
  // CRM's first screen of a file loads its lazy chunk, which took over a second while other builds ran).
  configure({ asyncUtilTimeout: 5000 });

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    cleanup();
    server.resetHandlers();
    reset?.();
    session.end('logout');
    window.localStorage.clear();
    window.sessionStorage.clear();
    await i18n.changeLanguage('ru');
  });
  afterAll(() => server.close());
}
