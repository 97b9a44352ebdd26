import { describe, expect, it } from 'vitest';
import { isoToZonedLocal, zonedLocalToIso } from './time';

describe('wall-clock times in the company zone', () => {
  it('reads a datetime-local value in Asia/Almaty (UTC+5) and shows it back', () => {
    expect(zonedLocalToIso('2026-12-04T14:00', 'Asia/Almaty')).toBe('2026-12-04T09:00:00.000Z');
    expect(isoToZonedLocal('2026-12-04T09:00:00.000Z', 'Asia/Almaty')).toBe('2026-12-04T14:00');
  });

  it('follows daylight saving time in Europe/Berlin', () => {
    expect(zonedLocalToIso('2026-07-01T09:30', 'Europe/Berlin')).toBe('2026-07-01T07:30:00.000Z');
    expect(zonedLocalToIso('2026-01-15T09:30', 'Europe/Berlin')).toBe('2026-01-15T08:30:00.000Z');
  });

  it('gives null for an empty value', () => {
    expect(zonedLocalToIso('', 'Asia/Almaty')).toBeNull();
  });
});
