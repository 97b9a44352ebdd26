import type { BoardColumn } from '../../../lib/api/types';

/**
 * A column's count as the board shows it: the number in the language's digits grouping, and «1 000+» when the
 * server stopped counting at its cap (ADR 043) — the exact figure above it is not known.
 */
export function columnCount(column: Pick<BoardColumn, 'count' | 'countCapped'>, language: string): string {
  const figure = new Intl.NumberFormat(language).format(column.count);
  return column.countCapped ? `${figure}+` : figure;
}
