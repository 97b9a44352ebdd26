import { describe, expect, it } from 'vitest';
import { fieldGuard, isEmail } from './loginForm';

describe('login form helpers', () => {
  it('accepts an email with surrounding spaces and refuses one without @ or with inner spaces', () => {
    expect(isEmail(' owner@alem-dom.kz ')).toBe(true);
    expect(isEmail('not-an-email')).toBe(false);
    expect(isEmail('a b@c')).toBe(false);
  });

  it('tells form fields from other problem fields', () => {
    const isField = fieldGuard(['email', 'password']);
    expect(isField('email')).toBe(true);
    expect(isField('captcha')).toBe(false);
  });
});
