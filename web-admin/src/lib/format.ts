/** Dates and ages for people, in the console's language. */
export function formatDateTime(value: string | null | undefined, language: string, timeZone?: string): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** "5 min", "3 h", "2 d" style, from seconds. */
export function formatAge(seconds: number | null | undefined, language: string): string {
  if (seconds === null || seconds === undefined) return '—';
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ];
  for (const [unit, size] of units) {
    if (seconds >= size || unit === 'second') {
      return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(
        Math.floor(seconds / size),
      );
    }
  }
  return String(seconds);
}
