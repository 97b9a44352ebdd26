import { describe, expect, it } from 'vitest';
import { slugFrom, transliterate } from './translit';

describe('slugFrom', () => {
  it.each([
    ['Алем Строй 59279', 'alem-stroy-59279'],
    ['Tez Sales', 'tez-sales'],
    ['Щука & Ёж', 'shchuka-ezh'],
    ['Цех Чай Шум Хан', 'tsekh-chay-shum-khan'],
    ['Юла Яма Эра Мышь', 'yula-yama-era-mysh'],
    ['Подъезд', 'podezd'],
    ['Әлем Ғимарат Қала', 'alem-gimarat-kala'],
    ['Өнер Ұлы Үй Һас Ің', 'oner-uly-uy-has-in'],
    ['  --Дом--  ', 'dom'],
    ['Café', 'cafe'],
    ['', ''],
  ])('%s → %s', (name, slug) => {
    expect(slugFrom(name)).toBe(slug);
  });

  it('keeps to 40 characters without a trailing dash', () => {
    const slug = slugFrom('Строительная компания Алматы Жилой Комплекс Север');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
  });
});

describe('transliterate', () => {
  it('maps every Kazakh letter', () => {
    expect(transliterate('әғқңөұүһі')).toBe('agknouuhi');
  });
});
