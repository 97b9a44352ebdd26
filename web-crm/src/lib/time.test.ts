import { describe, expect, it } from 'vitest';
import { i18n } from './i18n';
import { formatDateTime, formatDuration } from './time';

describe('time', () => {
  it('formats durations in human units, never seconds', () => {
    const ru = i18n.getFixedT('ru');
    const en = i18n.getFixedT('en');
    expect(formatDuration(40_000, ru)).toBe('меньше минуты');
    expect(formatDuration(12 * 60_000 + 59_000, ru)).toBe('12 мин');
    expect(formatDuration(2 * 3_600_000, ru)).toBe('2 ч');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000, ru)).toBe('2 ч 5 мин');
    expect(formatDuration(2 * 86_400_000 + 5 * 3_600_000 + 7 * 60_000, ru)).toBe('2 д 5 ч');
    expect(formatDuration(86_400_000, ru)).toBe('1 д');
    expect(formatDuration(-5_000, ru)).toBe('меньше минуты');
    expect(formatDuration(90 * 60_000, en)).toBe('1 h 30 min');
  });

  it("shows times in the tenant's time zone, not the device's", () => {
    // 23:30 UTC is already the next morning in Almaty (UTC+5)
    expect(formatDateTime('2026-01-10T23:30:00Z', 'Asia/Almaty', 'ru')).toMatch(/11 янв\.?,? 04:30/);
  });
});
