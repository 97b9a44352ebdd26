import '@mantine/core/styles.css';
import './global.css';
import i18n from 'i18next';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from '../lib/env';

/**
 * Renders the app into index.html's #root (each app's `src/main.tsx`) once the static host's `config.json` is read
 * (ADR 029: the API may live on another origin). A wrong config.json shows one line instead of an app that would
 * talk to a server nobody meant.
 */
export function mount(app: ReactNode): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  return loadRuntimeConfig().then(
    () => {
      createRoot(container).render(<StrictMode>{app}</StrictMode>);
    },
    (error: unknown) => {
      console.error(error);
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.style.cssText = 'font: 16px system-ui, sans-serif; margin: 2rem; color: #c92a2a';
      message.textContent = i18n.t('runtimeConfig.invalid');
      container.replaceChildren(message);
    },
  );
}
