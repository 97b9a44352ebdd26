import { describe, expect, it } from 'vitest';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

/** An app's `locales.test.ts`: its Russian and English translations have the same keys. */
export function describeLocales({ ru, en }: { ru: object; en: object }) {
  describe('locales', () => {
    it('have the same keys in Russian and English', () => {
      expect(keys(en).sort()).toEqual(keys(ru).sort());
    });
  });
}
