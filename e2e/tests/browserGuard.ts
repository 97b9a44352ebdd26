import { expect, test as base } from '@playwright/test';

/**
 * Every browser test also checks what the browser itself complains about: a Content-Security-Policy violation
 * (something the apps need that the policy forbids — an inline script, a foreign host) or a header it cannot
 * parse (Permissions-Policy) fails the test. Violations are caught twice: the `securitypolicyviolation` event
 * (reported by a script the test injects, which CSP does not govern) and Chromium's own console messages.
 */
export const test = base.extend<{ browserGuard: void }>({
  browserGuard: [
    async ({ page }, use) => {
      const complaints: string[] = [];
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      page.on('console', (message) => {
        const text = message.text();
        if (/Content Security Policy|CSP violation|Permissions-Policy|Refused to/i.test(text)) complaints.push(text);
      });
      await use();
      expect(complaints, 'the browser reported security policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Locator, Page } from '@playwright/test';
