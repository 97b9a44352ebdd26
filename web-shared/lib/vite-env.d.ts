/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the BuildCRM API; empty (default) means the page's own origin. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
