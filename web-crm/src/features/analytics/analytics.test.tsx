import { render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n';
import { renderSignedIn } from '../../test/signedIn';
import { PerDayChart, yStep } from './components/PerDayChart';
import { formatDuration, lastDays, shortDay } from './lib/format';

const t = i18n.t.bind(i18n);

function onPhone() {
  window.matchMedia = ((query: string) => ({
    matches: query.includes('max-width: 48em'),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

describe('analytics', () => {
  const originalMatchMedia = window.matchMedia;
  afterEach(() => {
    window.matchMedia = originalMatchMedia;
  });

  it('shows the funnel, leads per day with dates, the AI/people split in numbers and the managers table', async () => {
    renderSignedIn('/analytics');
    // the first screen of the file loads the lazy analytics chunk: slow while other builds share the CPU
    const funnel = await screen.findByTestId('funnel', {}, { timeout: 20_000 });
    expect(await within(funnel).findByText('В работе')).toBeInTheDocument();
    expect(within(funnel).getByText('(63%)')).toBeInTheDocument();

    const chart = await screen.findByRole('img', { name: 'Лиды по дням' });
    // one bar per day, the zero day included, in order
    const bars = [...chart.querySelectorAll('rect')];
    expect(bars.map((bar) => [bar.getAttribute('data-date'), bar.getAttribute('data-value')])).toEqual([
      ['2026-11-23', '3'],
      ['2026-11-24', '0'],
      ['2026-11-25', '7'],
    ]);
    expect(bars[1]!.getAttribute('height')).toBe('0');
    expect(
      within(chart)
        .getAllByTestId('x-label')
        .map((label) => label.textContent),
    ).toEqual(['23 нояб', '24 нояб', '25 нояб']);
    expect(
      within(chart)
        .getAllByTestId('bar-value')
        .map((label) => label.textContent),
    ).toEqual(['3', '0', '7']);
    expect(screen.getByTestId('per-day-readout')).toHaveTextContent('Всего 10 лидов за 3 дн.');
    // screen readers get every day and its value
    const table = screen.getByTestId('per-day-table');
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['ДатаЛиды', '23 нояб3', '24 нояб0', '25 нояб7']);

    expect(screen.getByTestId('handling-ai')).toHaveTextContent('ИИ до конца30 · 75%');
    expect(screen.getByTestId('handling-human')).toHaveTextContent('Перехвачено людьми10 · 25%');
    expect(screen.getByTestId('first-response-ai')).toHaveTextContent('4 с');
    expect(screen.getByTestId('first-response-human')).toHaveTextContent('7 мин');

    const table2 = await screen.findByTestId('managers-table');
    const rows = within(table2).getAllByTestId('manager-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Ержан')).toBeInTheDocument();
    expect(within(rows[0]!).getByTestId('manager-replies')).toHaveTextContent('41');
    expect(within(rows[0]!).getByTestId('manager-takeovers')).toHaveTextContent('5');
    expect(within(rows[0]!).getByTestId('manager-first')).toHaveTextContent('1 ч 5 мин');
    expect(within(rows[0]!).getByTestId('calls-split')).toHaveTextContent('4 / 1 / 1');
    expect(within(rows[0]!).getByTestId('calls-split')).toHaveTextContent('Вовремя: 4, с опозданием: 1, пропущено: 1');
    // the owner who worked appears, marked as the owner
    expect(within(rows[1]!).getByText('Айгуль')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Владелец')).toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('manager-first')).toHaveTextContent('2 дн 2 ч');
  });

  it('shows the managers as cards on a phone', async () => {
    onPhone();
    renderSignedIn('/analytics');
    const cards = await screen.findAllByTestId('manager-card');
    expect(screen.queryByTestId('managers-table')).not.toBeInTheDocument();
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByText('Ержан')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('Ответы')).toBeInTheDocument();
    expect(within(cards[0]!).getByTestId('manager-replies')).toHaveTextContent('41');
    expect(within(cards[0]!).getByText('Перехваты')).toBeInTheDocument();
    expect(within(cards[0]!).getByTestId('manager-takeovers')).toHaveTextContent('5');
    expect(within(cards[0]!).getByTestId('manager-first')).toHaveTextContent('1 ч 5 мин');
    expect(within(cards[1]!).getByText('Айгуль')).toBeInTheDocument();
  });

  it('labels every k-th date ending at the last day when two months do not fit, and a y axis with round values', () => {
    // 60 days: 2 October … 30 November
    const days = Array.from({ length: 60 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 9, 2 + i)).toISOString().slice(0, 10),
      leads: i === 59 ? 13 : 0,
    }));
    render(
      <MantineProvider>
        <I18nextProvider i18n={i18n}>
          <PerDayChart data={days} />
        </I18nextProvider>
      </MantineProvider>,
    );
    const chart = screen.getByRole('img', { name: 'Лиды по дням' });
    expect(chart.querySelectorAll('rect')).toHaveLength(60);
    const labels = within(chart)
      .getAllByTestId('x-label')
      .map((label) => label.textContent);
    // 640 px wide (unmeasured): 10 px per day, a label every 5th day, the last one labelled
    expect(labels.at(-1)).toBe('30 нояб');
    expect(labels).toHaveLength(12);
    expect(labels[0]).toBe('6 окт');
    // the last date ends at the box's edge instead of being cut by it
    expect(within(chart).getAllByTestId('x-label').at(-1)).toHaveAttribute('text-anchor', 'end');
    // bars too narrow for their numbers: no value labels, the readout and the table carry them
    expect(within(chart).queryAllByTestId('bar-value')).toHaveLength(0);
    expect(
      within(chart)
        .getAllByTestId('y-tick')
        .map((tick) => tick.textContent),
    ).toEqual(['0', '5', '10', '15']);
  });
});

describe('analytics formatting', () => {
  it('writes durations in human units', () => {
    expect(formatDuration(null, t)).toBe('—');
    expect(formatDuration(42, t)).toBe('42 с');
    expect(formatDuration(12 * 60, t)).toBe('12 мин');
    expect(formatDuration(65 * 60, t)).toBe('1 ч 5 мин');
    expect(formatDuration(2 * 3600, t)).toBe('2 ч');
    expect(formatDuration(2 * 86_400, t)).toBe('2 дн');
    expect(formatDuration(2 * 86_400 + 3 * 3600, t)).toBe('2 дн 3 ч');
  });

  it("dates a period by the company's calendar, not the device's", () => {
    // 20:30 UTC on 3 December is already 4 December in Almaty (UTC+5)
    expect(lastDays(7, 'Asia/Almaty', new Date('2026-12-03T20:30:00Z'))).toEqual({
      from: '2026-11-28',
      to: '2026-12-04',
    });
    expect(shortDay('2026-12-03', 'ru')).toBe('3 дек');
    expect(shortDay('2026-12-03', 'en')).toBe('Dec 3');
    expect(yStep(0)).toBe(1);
    expect(yStep(7)).toBe(2);
    expect(yStep(130)).toBe(50);
  });
});
