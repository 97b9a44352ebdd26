import { expect, test } from '../browserGuard';
import { A11Y_VIEWPORTS, axeViolations, walk } from '../fit';
import { adminScreens, adminTenant, operatorSignIn } from './adminScreens';

/** Issue 15: axe (WCAG 2.0 A/AA, 2.1 AA) finds no serious or critical violation on any console screen. */
test('axe finds no serious or critical violation on any console screen', async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'admin-desktop', 'viewports are looped inside; one project is enough');
  test.setTimeout(360_000);
  const tenantId = await adminTenant(request, 'axe');
  const findings = await walk(browser, baseURL, A11Y_VIEWPORTS, adminScreens(tenantId), operatorSignIn, (page) =>
    axeViolations(page),
  );
  expect(findings, findings.join('\n')).toEqual([]);
});
