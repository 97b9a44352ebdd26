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

/** `1:05:09`, `5:09`: compact enough for a card. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** `3 d 4 h` for long waits, `1:05:09` otherwise (unit words come from i18n). */
export function formatWait(ms: number, days: (count: number) => string, hours: (count: number) => string): string {
  const dayMs = 86_400_000;
  if (ms >= dayMs) return `${days(Math.floor(ms / dayMs))} ${hours(Math.floor((ms % dayMs) / 3_600_000))}`;
  return formatElapsed(ms);
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
