import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { ApiError, NetworkError } from './errors';
import { describeFieldProblem, describeProblem, KNOWN_PROBLEM_TYPES, problemType } from './problems';

function apiError(status: number, type: string, detail?: string) {
  return new ApiError({ type, title: 'Conflict', status, detail, errors: [] }, null);
}

describe('describeProblem', () => {
  const ru = i18n.getFixedT('ru');
  const en = i18n.getFixedT('en');

  it('maps a known problem type to our words in both languages', () => {
    const error = apiError(
      409,
      'https://buildcrm.dev/problems/not-sandbox',
      "The tenant's channel is not the sandbox; configure provider 'sandbox' first",
    );
    expect(describeProblem(error, ru, 'ru')).toMatch(/^Песочница работает, только когда/);
    expect(describeProblem(error, en, 'en')).toMatch(/^The sandbox works only when/);
  });

  it('never shows the server English in Russian: unknown types fall back to the status', () => {
    expect(describeProblem(apiError(409, 'https://buildcrm.dev/problems/something-new', 'Raw English'), ru, 'ru')).toBe(
      'Действие сейчас невозможно: состояние изменилось. Обновите страницу.',
    );
    expect(
      describeProblem(apiError(404, 'https://buildcrm.dev/problems/not-found', 'Tenant 7 was not found'), ru, 'ru'),
    ).toBe('Не найдено: возможно, это уже удалено. Обновите страницу.');
    expect(describeProblem(apiError(418, 'about:blank', 'I am a teapot'), ru, 'ru')).toBe(
      'Ошибка сервера (418). Повторите попытку позже.',
    );
  });

  it('in English keeps the server detail where we have no words', () => {
    expect(
      describeProblem(apiError(409, 'https://buildcrm.dev/problems/something-new', 'Tenant 7 is busy'), en, 'en'),
    ).toBe('Tenant 7 is busy');
  });

  it('keeps the shared wording for network failures and server errors', () => {
    expect(describeProblem(new NetworkError(new Error('x')), ru, 'ru')).toMatch(/^Нет связи с сервером/);
    expect(describeProblem(apiError(500, 'about:blank', 'NullPointerException'), ru, 'ru')).toBe(
      'Ошибка сервера (500). Повторите попытку позже.',
    );
  });

  it('field messages: the server words only in English', () => {
    expect(describeFieldProblem('not a valid phone number', ru, 'ru')).toBe('Проверьте это значение');
    expect(describeFieldProblem('not a valid phone number', en, 'en')).toBe('not a valid phone number');
  });

  it('has Russian and English words for every problem type the server answers with', () => {
    for (const type of KNOWN_PROBLEM_TYPES) {
      expect(i18n.exists(`problems.type.${type}`, { lng: 'ru' }), type).toBe(true);
      expect(i18n.exists(`problems.type.${type}`, { lng: 'en' }), type).toBe(true);
      const error = apiError(409, `https://buildcrm.dev/problems/${type}`, 'Some English detail');
      expect(describeProblem(error, ru, 'ru')).not.toContain('English');
    }
  });

  it('a screen may say more for a type, also when the answer carries only a status', () => {
    const words = { unauthorized: 'Неверный e-mail или пароль' };
    const typed = apiError(401, 'https://buildcrm.dev/problems/unauthorized', 'Wrong email or password');
    expect(describeProblem(typed, ru, 'ru', words)).toBe('Неверный e-mail или пароль');
    expect(describeProblem(apiError(401, 'about:blank', 'Wrong email or password'), ru, 'ru', words)).toBe(
      'Неверный e-mail или пароль',
    );
    expect(describeProblem(typed, ru, 'ru')).toBe('Сессия истекла. Войдите снова.');
  });

  it("maps the CRM's own types", () => {
    expect(
      describeProblem(
        apiError(409, 'https://buildcrm.dev/problems/stage-not-empty', 'The stage still holds 3 lead(s)'),
        ru,
        'ru',
      ),
    ).toBe('На этапе ещё есть лиды — сначала перенесите их.');
  });

  it('reads the type from its URI', () => {
    expect(problemType('https://buildcrm.dev/problems/slug-taken')).toBe('slug-taken');
    expect(problemType('slug-taken')).toBe('slug-taken');
    expect(problemType(undefined)).toBe('');
  });
});
