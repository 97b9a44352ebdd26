/**
 * The roles (MP-JWT `groups`) an access token names, read without checking its signature: a hint for what to
 * fetch early, never a permission — the server checks every request, and the screens decide from `/me`. Anything
 * that is not a readable JWT gives no roles.
 */
export function tokenRoles(accessToken: string | undefined): string[] {
  const payload = accessToken?.split('.')[1];
  if (payload === undefined || payload === '') return [];
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')));
    if (claims === null || typeof claims !== 'object') return [];
    const groups = (claims as { groups?: unknown }).groups;
    return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
}
