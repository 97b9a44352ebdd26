import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Measurements shared by the CRM's and the console's fit and accessibility specs (issue 15, ADR 025).
 *
 * Viewports are looped inside one test (no extra Playwright projects): two phones with touch and the desktop.
 */
export interface Viewport {
  name: string;
  width: number;
  height: number;
  phone: boolean;
}

export const PHONE_360: Viewport = { name: '360×740', width: 360, height: 740, phone: true };
export const PHONE_390: Viewport = { name: '390×844', width: 390, height: 844, phone: true };
export const DESKTOP: Viewport = { name: '1280×800', width: 1280, height: 800, phone: false };
export const FIT_VIEWPORTS = [PHONE_360, PHONE_390, DESKTOP];
export const A11Y_VIEWPORTS = [DESKTOP, PHONE_390];

export async function newContext(
  browser: Browser,
  viewport: Viewport,
  baseURL: string | undefined,
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.phone,
    hasTouch: viewport.phone,
    deviceScaleFactor: viewport.phone ? 3 : 1,
    locale: 'ru-RU',
    timezoneId: 'Asia/Almaty',
  });
}

/** Waits until no Mantine loader spins and the fonts are in (layout is then what the user sees). */
export async function settle(page: Page) {
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * What sticks out sideways: the page's own scroll width, and the outermost visible elements that cross the
 * viewport's left or right edge without a scroll (or clipping) container between them and the page.
 */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = window.innerWidth;
    const root = document.documentElement;
    if (root.scrollWidth > width) out.push(`document scrollWidth ${root.scrollWidth} > innerWidth ${width}`);
    const describe = (el: Element) => {
      const testid = el.closest('[data-testid]')?.getAttribute('data-testid');
      const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''}${testid ? ` in [data-testid=${testid}]` : ''} "${text}"`;
    };
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body && up !== root; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX !== 'visible') return true;
        if (style.position === 'fixed') return false;
      }
      return false;
    };
    const offenders = new Set<Element>();
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'contents') continue;
      if (box.right <= 0 || box.left >= width) continue; // entirely off screen: a collapsed drawer or navigation
      if (box.left >= -1 && box.right <= width + 1) continue;
      if (clipped(el)) continue;
      if (el.parentElement && offenders.has(el.parentElement)) {
        offenders.add(el);
        continue;
      }
      offenders.add(el);
      out.push(`${describe(el)} spans ${Math.round(box.left)}…${Math.round(box.right)} px`);
    }
    return out.slice(0, 15);
  });
}

/**
 * Interactive elements smaller than 44×44 px. An element passes when its own box is at least 44×44, or when a
 * tappable element around it (its `<label>`, or an enclosing label, link or button) is — a tap anywhere on that
 * parent reaches it (a Mantine switch or checkbox is tapped on its whole row; a radio of a segmented control on its
 * label). Links inside running text are exempt (WCAG 2.5.8's inline exception). Elements scrolled out sideways
 * (a collapsed navigation) are skipped; elements below the fold count.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MIN = 43.5;
    const width = window.innerWidth;
    const selector = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="tab"]',
      '[role="checkbox"]',
      '[role="switch"]',
      '[role="menuitem"]',
      '[role="option"]',
      '[role="radio"]',
    ].join(',');
    const big = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width >= MIN && box.height >= MIN;
    };
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      if (box.right <= 0 || box.left >= width) return false;
      return el.checkVisibility({ visibilityProperty: true });
    };
    const inline = (el: Element) => {
      if (el.tagName !== 'A') return false;
      const parent = el.parentElement;
      const own = (el.textContent ?? '').trim();
      const around = (parent?.textContent ?? '').trim();
      return parent !== null && getComputedStyle(el).display === 'inline' && around.length > own.length + 10;
    };
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (big(el) || inline(el)) continue;
      const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []) : [];
      const parent = el.parentElement?.closest('label, a[href], button, [role="button"]');
      if (labels.some(big) || (parent && big(parent))) continue;
      // a link stretched over its card (an absolutely placed ::after covering the card, which is its positioned
      // ancestor): the tap target is the card
      const area = el.tagName === 'A' ? el.closest('[data-tap-area]') : null;
      if (area && big(area)) {
        const after = getComputedStyle(el, '::after');
        const covers = after.position === 'absolute' && after.top === '0px' && after.left === '0px';
        if (after.content !== 'none' && covers && getComputedStyle(area).position !== 'static') continue;
      }
      if (!visible(el) && !labels.some(visible)) continue;
      const box = el.getBoundingClientRect();
      const role = el.getAttribute('role');
      const testid = el.closest('[data-testid]')?.getAttribute('data-testid');
      const name = (
        el.getAttribute('aria-label') ||
        labels.map((label) => label.textContent).join(' ') ||
        el.textContent ||
        el.getAttribute('placeholder') ||
        ''
      )
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 40);
      const label = labels[0]?.getBoundingClientRect();
      const labelClass = labels[0]
        ? ` .${Array.from(labels[0].classList).join('.')} min-height ${getComputedStyle(labels[0]).minHeight}`
        : '';
      out.push(
        `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''}${testid ? ` in [data-testid=${testid}]` : ''} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}${label ? ` (its label ${Math.round(label.width)}×${Math.round(label.height)}${labelClass})` : ''}`,
      );
    }
    return out;
  });
}

/** axe with WCAG 2.0 A/AA and 2.1 AA rules; only serious and critical violations, one readable line per node. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes
        .slice(0, 8)
        .map(
          (node) =>
            `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''} ${node.html.slice(0, 120)}`,
        ),
    );
}

/**
 * Opens a path of the single-page app the page already shows without reloading it (the router follows
 * `popstate`), as a click on a link would; a full load otherwise. Reloading every screen costs seconds each.
 */
export async function visitPath(page: Page, path: string) {
  const current = new URL(page.url());
  const app = path.split('/')[1];
  if (current.protocol.startsWith('http') && current.pathname.split('/')[1] === app) {
    await page.evaluate((to) => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    }, path);
  } else {
    await page.goto(path);
  }
}

/** One screen as the specs see it: how to get there and what shows that it is ready. */
export interface Screen {
  name: string;
  open: (page: Page) => Promise<void>;
  /** only on phones or only on the desktop (a screen that exists in one layout only) */
  only?: 'phone' | 'desktop';
  /** visited before signing in (the login page) */
  signedOut?: boolean;
}

/** Visits every screen at every viewport and collects `measure`'s findings, labelled `viewport screen: finding`. */
export async function walk(
  browser: Browser,
  baseURL: string | undefined,
  viewports: Viewport[],
  screens: Screen[],
  signIn: (page: Page, viewport: Viewport) => Promise<void>,
  measure: (page: Page, viewport: Viewport) => Promise<string[]>,
): Promise<string[]> {
  const findings: string[] = [];
  for (const viewport of viewports) {
    const context = await newContext(browser, viewport, baseURL);
    const page = await context.newPage();
    try {
      const visit = async (screen: Screen) => {
        if (screen.only === 'phone' && !viewport.phone) return;
        if (screen.only === 'desktop' && viewport.phone) return;
        const started = Date.now();
        await screen.open(page);
        await settle(page);
        const found = (await measure(page, viewport)).map((finding) => `${viewport.name} ${screen.name}: ${finding}`);
        findings.push(...found);
        if (process.env.FIT_TRACE)
          console.log(`${viewport.name} ${screen.name}: ${Date.now() - started} ms`, ...found.map((f) => `\n  ${f}`));
      };
      for (const screen of screens.filter((s) => s.signedOut)) await visit(screen);
      await signIn(page, viewport);
      for (const screen of screens.filter((s) => !s.signedOut)) await visit(screen);
    } finally {
      await context.close();
    }
  }
  return findings;
}
