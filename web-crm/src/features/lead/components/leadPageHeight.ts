/**
 * The lead screen's height when it is a page of its own (the phone): the viewport under the app's header and above
 * its bottom navigation, so the page itself never scrolls — the chat does. A module of its own, so a screen that
 * opens the lead screen lazily (`LazyLeadCard`) can size it without loading it.
 */
export const LEAD_PAGE_HEIGHT =
  'calc(100dvh - var(--app-shell-header-offset, 0rem) - var(--app-shell-footer-offset, 0rem) - 2 * var(--app-shell-padding, 0rem) - env(safe-area-inset-bottom, 0px))';
