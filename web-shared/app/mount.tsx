// Mantine's styles for the first screen (the signed-in screens load the rest), then the apps' own (ADR 030)
import './first-screen.css';
import './global.css';
import i18n from 'i18next';
import { StrictMode, startTransition, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { startRuntimeConfig } from '../lib/env';

/**
 * Renders the app into index.html's #root (each app's `src/main.tsx`) at once, while the static host's
 * `config.json` is read in parallel (ADR 029: the API may live on another origin; ADR 030: no network round trip
 * before the first paint). Every API call waits for the file, so none goes out before the API's address is known.
 * A wrong config.json replaces the app with one line instead of an app that would talk to a server nobody meant.
 */
export function mount(app: ReactNode): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  const config = startRuntimeConfig();
  // The first render as a transition: React renders it in slices of a few milliseconds and lets the browser
  // paint and answer input between them, instead of one long task that blocks a slow phone's main thread.
  startTransition(() => root.render(<StrictMode>{app}</StrictMode>));
  return config.catch((error: unknown) => {
    console.error(error);
    root.unmount();
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.style.cssText = 'font: 16px system-ui, sans-serif; margin: 2rem; color: #c92a2a';
    message.textContent = i18n.t('runtimeConfig.invalid');
    container.replaceChildren(message);
  });
}
