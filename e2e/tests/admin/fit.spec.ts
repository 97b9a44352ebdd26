import { expect, test } from '../browserGuard';
import { FIT_VIEWPORTS, overflow, smallTargets, walk } from '../fit';
import { adminScreens, adminTenant, operatorSignIn } from './adminScreens';

/**
 * Issue 15: every screen of the operator console fits the phone (360×740, 390×844, touch) and the desktop
 * (1280×800), and on phones every control is a ≥ 44×44 px touch target (ADR 025). Viewports are looped inside.
 */
test('every console screen fits 360, 390 and 1280 px, with 44 px touch targets on phones', async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'admin-desktop', 'viewports are looped inside; one project is enough');
  test.setTimeout(360_000);
  const tenantId = await adminTenant(request, 'fit');
  const findings = await walk(
    browser,
    baseURL,
    FIT_VIEWPORTS,
    adminScreens(tenantId),
    (page) => operatorSignIn(page),
    async (page, viewport) => [
      ...(await overflow(page)),
      ...(viewport.phone ? (await smallTargets(page)).map((target) => `small target ${target}`) : []),
    ],
  );
  expect(findings, findings.join('\n')).toEqual([]);
});
