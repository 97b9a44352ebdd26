import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';

/** Dates are shown in the tenant's time zone, not the device's: a manager abroad sees the office's clock. */
export function formatDateTime(iso: string, timeZone: string, language: string): string {
  const date = new Date(iso);
  const now = new Date();
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(date) ===
    new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(now);
  return new Intl.DateTimeFormat(language, {
    timeZone,
    ...(sameDay
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' }),
  }).format(date);
}

export function formatDay(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, day: '2-digit', month: 'short' }).format(new Date(iso));
}

/**
 * A span in human units for a badge: «меньше минуты», «12 мин», «2 ч 5 мин», «3 д 4 ч» (unit words from i18n).
 * Never seconds or milliseconds: a manager reads it at a glance.
 */
export function formatDuration(ms: number, t: TFunction): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t('time.lessThanMinute');
  if (minutes < 60) return t('time.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  const [big, rest] =
    hours < 24
      ? [t('time.hours', { count: hours }), minutes % 60 === 0 ? '' : t('time.minutes', { count: minutes % 60 })]
      : [
          t('time.days', { count: Math.floor(hours / 24) }),
          hours % 24 === 0 ? '' : t('time.hours', { count: hours % 24 }),
        ];
  return rest ? `${big} ${rest}` : big;
}

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

/** One shared 1 s clock for every ticking timer on screen. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    listeners.add(tick);
    if (timer === null) timer = setInterval(() => listeners.forEach((listener) => listener()), 1000);
    return () => {
      listeners.delete(tick);
      if (listeners.size === 0 && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    };
  }, []);
  return now;
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * A `datetime-local` value ("2026-12-04T14:00") read as a wall-clock time in the company's zone → an ISO instant.
 * Null for an empty or malformed value.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone); // across a DST change the second guess is right
  return new Date(instant).toISOString();
}

/** An ISO instant → the `datetime-local` value showing it on the company's clock. */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  const wall = new Date(instant + zoneOffset(instant, timeZone));
  return wall.toISOString().slice(0, 16);
}
