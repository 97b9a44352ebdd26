import { describe, expect, it } from 'vitest';
import type { PackField, Stage } from './api/types';
import { i18n } from './i18n';
import { actorWord, eventTitle, fieldLabel, stageName } from './words';

const ru = i18n.getFixedT('ru');
const en = i18n.getFixedT('en');

const schema: PackField[] = [
  { key: 'width_m', type: 'NUMBER', labelRu: 'Ширина, м', labelEn: 'Width, m' },
  { key: 'foundation', type: 'BOOL', labelRu: 'Фундамент', labelEn: null },
];
const stages: Stage[] = [
  { id: 1, name: 'Новый', role: 'NEW', position: 0, color: null },
  { id: 4, name: 'Неполные данные', role: 'PARTIAL_DATA', position: 3, color: null },
  { id: 9, name: 'Замер', role: null, position: 4, color: null },
];
const words = { t: ru, language: 'ru', schema, stages };

describe('words for keys', () => {
  it("names a field by the pack's label in the UI language, a core key by the CRM's word, never the raw key", () => {
    expect(fieldLabel('width_m', schema, ru, 'ru')).toBe('Ширина, м');
    expect(fieldLabel('width_m', schema, en, 'en')).toBe('Width, m');
    expect(fieldLabel('foundation', schema, en, 'en')).toBe('Фундамент'); // no English label: the Russian one
    expect(fieldLabel('preferred_call_time', schema, ru, 'ru')).toBe('Удобное время звонка');
    expect(fieldLabel('mystery_key', schema, ru, 'ru')).toBe('другие данные');
    expect(fieldLabel('width_m', null, ru, 'ru')).toBe('другие данные');
  });

  it("field updates list the labels, whoever changed them (the AI's details also carry the brain)", () => {
    const ai = { type: 'fields.updated', details: { keys: ['width_m', 'preferred_call_time'], brain: 'rules' } };
    expect(eventTitle(ai, words)).toBe('Данные обновлены: Ширина, м, Удобное время звонка');
    const human = { type: 'fields.updated', details: { keys: ['foundation'], removed: ['width_m'] } };
    expect(eventTitle(human, words)).toBe('Данные обновлены: Фундамент, Ширина, м');
  });

  it("stage moves use the tenant's current stage names, not a translation of the role", () => {
    const byAi = { type: 'stage.changed', details: { from: 'NEW', to: 'PARTIAL_DATA', toRole: 'PARTIAL_DATA' } };
    expect(eventTitle(byAi, words)).toBe('Этап изменён: Новый → Неполные данные');
    const renamed = { type: 'stage.changed', details: { fromId: 1, from: 'Старое имя', toId: 9, to: 'Замер' } };
    expect(eventTitle(renamed, words)).toBe('Этап изменён: Новый → Замер');
    expect(stageName({ id: 77, name: 'Удалённый этап' }, stages)).toBe('Удалённый этап');
    expect(stageName({ role: 'LOST' }, stages)).toBeNull();
  });

  it('unknown event types and task events are words too', () => {
    expect(eventTitle({ type: 'task.done', details: null }, words)).toBe('Задача выполнена');
    expect(eventTitle({ type: 'something.new', details: null }, words)).toBe('Событие');
  });

  it('actors in words: the person, else the AI manager or the system', () => {
    expect(actorWord({ actor: 'AI', user: null }, ru)).toBe('ИИ-менеджер');
    expect(actorWord({ actor: 'SYSTEM', user: null }, ru)).toBe('Система');
    expect(actorWord({ actor: 'HUMAN', user: { id: 3, name: 'Ержан' } }, ru)).toBe('Ержан');
    expect(actorWord({ actor: 'AI', user: null }, en)).toBe('AI manager');
  });
});
