import type { TFunction } from 'i18next';
import type { Period } from '../api/analytics';

/**
 * A duration in the units a person reads: «45 с», «12 мин», «1 ч 5 мин», «2 дн 3 ч» (unit words from i18n,
 * `analytics.unit.*`). Rounded to the minute from one minute up, to the hour from one day up; null → «—».
 */
export function formatDuration(seconds: number | null | undefined, t: TFunction): string {
  if (seconds == null) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('analytics.unit.seconds', { count: s });
  const minutes = Math.round(s / 60);
  if (minutes < 60) return t('analytics.unit.minutes', { count: minutes });
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    const hours = t('analytics.unit.hours', { count: h });
    return m === 0 ? hours : `${hours} ${t('analytics.unit.minutes', { count: m })}`;
  }
  const totalHours = Math.round(s / 3600);
  const d = Math.floor(totalHours / 24);
  const h = totalHours % 24;
  const days = t('analytics.unit.days', { count: d });
  return h === 0 ? days : `${days} ${t('analytics.unit.hours', { count: h })}`;
}

/** A calendar day (`2026-12-03`, already the company's date) as «3 дек» / «Dec 3». */
export function shortDay(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)))
    .replace('.', '');
}

/** The last `days` days up to today on the company's clock (both ends inclusive, as the API reads dates). */
export function lastDays(days: number, timeZone: string, now: Date = new Date()): Period {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now); // YYYY-MM-DD
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y, m - 1, d - (days - 1))).toISOString().slice(0, 10);
  return { from, to: today };
}

/** A share 0..1 as a whole percentage; null for «no data». */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}
