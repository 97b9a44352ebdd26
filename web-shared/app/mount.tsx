import '@mantine/core/styles.css';
import './global.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders the app into index.html's #root (each app's `src/main.tsx`). */
export function mount(app: ReactNode) {
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
