import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { session } from '../lib/api';
import { i18n } from '../lib/i18n';
import { resetCrmBackend } from './crmBackend';
import { server } from './server';

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
// first screen of a file loads its lazy chunk, which took over a second while other builds ran).
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  resetCrmBackend();
  session.end('logout');
  window.localStorage.clear();
  window.sessionStorage.clear();
  await i18n.changeLanguage('ru');
});
afterAll(() => server.close());
