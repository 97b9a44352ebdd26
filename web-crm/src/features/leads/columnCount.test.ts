import { describe, expect, it } from 'vitest';
import type { BoardColumn } from '../../lib/api/types';
import { makeLead } from '../../test/crmBackend';
import { moveInBoard } from '../stages/api/moveLead';
import { columnCount } from './lib/columnCount';

const stage = (id: number, name: string) => ({ id, name, role: null, position: id, color: null });

function column(id: number, name: string, count: number, countCapped: boolean): BoardColumn {
  const leads = count > 0 && id === 1 ? [makeLead({ id: 7, stage: { id, name, role: null } })] : [];
  return { stage: stage(id, name), count, countCapped, leads, nextCursor: null };
}

describe('a column count', () => {
  it('is the number grouped as the language writes it, with «+» once the server stopped counting', () => {
    expect(columnCount({ count: 12, countCapped: false }, 'ru')).toBe('12');
    expect(columnCount({ count: 1000, countCapped: true }, 'ru')).toBe(`${new Intl.NumberFormat('ru').format(1000)}+`);
    expect(columnCount({ count: 1000, countCapped: true }, 'ru')).toMatch(/^1\s000\+$/u);
    expect(columnCount({ count: 1000, countCapped: false }, 'en')).toBe('1,000');
  });

  it('stays capped when a lead moves out of or into a capped column, and moves by one otherwise', () => {
    const columns = [column(1, 'Новый', 1000, true), column(2, 'В работе', 3, false)];
    const lead = columns[0]?.leads[0];
    if (!lead) throw new Error('the first column holds the lead');
    const out = moveInBoard(columns, lead, 2);
    expect(out.map((c) => [c.count, c.countCapped])).toEqual([
      [1000, true],
      [4, false],
    ]);
    const moved = out[1]?.leads.find((l) => l.id === 7);
    if (!moved) throw new Error('the lead moved to the second column');
    const back = moveInBoard(out, moved, 1);
    expect(back.map((c) => [c.count, c.countCapped])).toEqual([
      [1000, true],
      [3, false],
    ]);
  });
});
