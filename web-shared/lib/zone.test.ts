import { describe, expect, it } from 'vitest';
import { zoneLabel } from './zone';

describe('zoneLabel', () => {
  it('names a zone in words with its offset, never the IANA id', () => {
    expect(zoneLabel('Asia/Almaty', 'ru')).toMatch(/^Казахстан \(GMT\+\d+\)$/);
    expect(zoneLabel('Europe/Moscow', 'ru')).toContain('Москва');
    expect(zoneLabel('Asia/Almaty', 'en')).not.toContain('Asia/');
  });

  it('keeps an unknown zone as it is and shows a dash for none', () => {
    expect(zoneLabel('Mars/Olympus', 'ru')).toBe('Mars/Olympus');
    expect(zoneLabel(null, 'ru')).toBe('—');
  });
});
