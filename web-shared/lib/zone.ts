/**
 * A time zone in words for people: «Казахстан (GMT+5)» for `Asia/Almaty`, not the IANA id (docs/adr/024-words.md).
 * Falls back to the id when the browser does not know the zone.
 */
export function zoneLabel(zone: string | null | undefined, language: string): string {
  if (!zone) return '—';
  try {
    const part = (style: 'long' | 'shortOffset') =>
      new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: style })
        .formatToParts(new Date())
        .find((item) => item.type === 'timeZoneName')?.value;
    const name = part('long');
    const offset = part('shortOffset');
    if (!name) return zone;
    return offset && offset !== name ? `${name} (${offset})` : name;
  } catch {
    return zone;
  }
}
