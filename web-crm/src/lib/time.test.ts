import { describe, expect, it } from 'vitest';
import { formatDateTime, formatElapsed, formatWait } from './time';

describe('time', () => {
  it('formats elapsed waits compactly', () => {
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(
      formatWait(
        2 * 86_400_000 + 5 * 3_600_000,
        (d) => `${d} д`,
        (h) => `${h} ч`,
      ),
    ).toBe('2 д 5 ч');
  });

  it("shows times in the tenant's time zone, not the device's", () => {
    // 23:30 UTC is already the next morning in Almaty (UTC+5)
    expect(formatDateTime('2026-01-10T23:30:00Z', 'Asia/Almaty', 'ru')).toMatch(/11 янв\.?,? 04:30/);
  });
});
