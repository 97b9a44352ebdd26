import { describe, expect, it } from 'vitest';
import { tokenRoles } from './tokenRoles';

/** A JWT-shaped string with the given claims (header and signature are not read). */
function token(claims: unknown): string {
  const body = btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `eyJhbGciOiJSUzI1NiJ9.${body}.c2lnbmF0dXJl`;
}

describe('tokenRoles', () => {
  it('reads the groups claim of a base64url payload, padding or not', () => {
    expect(tokenRoles(token({ sub: 'user:1000:1', groups: ['owner'] }))).toEqual(['owner']);
    // a payload whose base64 needs padding and uses the url-safe alphabet
    expect(tokenRoles(token({ groups: ['rop', 'manager'], upn: 'ö?>~ä@demo.kz' }))).toEqual(['rop', 'manager']);
  });

  it('gives no roles for anything that is not a readable token', () => {
    expect(tokenRoles(undefined)).toEqual([]);
    expect(tokenRoles('')).toEqual([]);
    expect(tokenRoles('opaque-token')).toEqual([]);
    expect(tokenRoles('a.%%%.c')).toEqual([]);
    expect(tokenRoles(token('just a string'))).toEqual([]);
    expect(tokenRoles(token({ groups: 'owner' }))).toEqual([]);
    expect(tokenRoles(token({ groups: ['owner', 7, null] }))).toEqual(['owner']);
  });
});
