import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortDay } from '../lib/format';

export interface DayLeads {
  date: string; // yyyy-mm-dd in the company's time zone
  leads: number;
}

/** Width used before the box is measured (and in tests, where nothing is laid out). */
const FALLBACK_WIDTH = 640;
const HEIGHT = 180;
const LEFT = 32; // y-axis labels
const TOP = 16; // value labels above the bars
const BOTTOM = 22; // x-axis labels
const RIGHT = 4;
/** Roughly the width of «30 ноя» at 11 px, plus a gap. */
const DATE_LABEL_PX = 44;
/** Below this band width a value label would touch its neighbour: the value is shown on tap/hover instead. */
const VALUE_LABEL_PX = 18;

/** A round step for about four y-axis intervals: 1, 2, 5, 10, 20, 50… */
export function yStep(max: number): number {
  const raw = Math.max(1, max / 4);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(1, Math.round(step));
}

/**
 * Leads per day: one bar per day of the period (a day without leads is a zero-height bar on the axis), dates under
 * the bars (every k-th when they would not fit, always ending at the period's last day), a y axis with round values,
 * each value above its bar when there is room, and on hover or tap the day's value in a line under the chart. A
 * visually hidden table gives screen readers every day and its value. Plain SVG in pixels of the measured box, so it
 * fits any width without a horizontal scroll and its text is never stretched.
 */
export function PerDayChart({ data }: { data: DayLeads[] }) {
  const { t, i18n } = useTranslation();
  const { ref, width: measured } = useElementSize();
  const [active, setActive] = useState<number | null>(null);
  const captionId = useId();
  const width = measured > 0 ? measured : FALLBACK_WIDTH;
  const n = Math.max(1, data.length);
  const plotW = Math.max(1, width - LEFT - RIGHT);
  const plotH = HEIGHT - TOP - BOTTOM;
  const band = plotW / n;
  const barW = Math.max(1, Math.min(band * 0.7, 48));
  const max = Math.max(0, ...data.map((day) => day.leads));
  const step = yStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const y = (value: number) => TOP + plotH - (value / top) * plotH;
  const every = Math.max(1, Math.ceil(DATE_LABEL_PX / band));
  const showValues = band >= VALUE_LABEL_PX;
  const total = data.reduce((sum, day) => sum + day.leads, 0);
  const current = active != null ? data[active] : undefined;

  const pick = (clientX: number, box: DOMRect) => {
    const index = Math.floor((clientX - box.left - LEFT) / band);
    setActive(index >= 0 && index < data.length ? index : null);
  };

  return (
    <div ref={ref} style={{ width: '100%', minWidth: 0 }}>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={t('analytics.perDay')}
        aria-describedby={captionId}
        data-testid="per-day-chart"
        style={{ display: 'block', maxWidth: '100%', touchAction: 'pan-y' }}
        onPointerMove={(e) => pick(e.clientX, e.currentTarget.getBoundingClientRect())}
        onPointerDown={(e) => pick(e.clientX, e.currentTarget.getBoundingClientRect())}
        onPointerLeave={(e) => {
          if (e.pointerType === 'mouse') setActive(null);
        }}
      >
        {ticks.map((tick) => (
          <g key={tick} data-testid="y-tick">
            <line
              x1={LEFT}
              x2={width - RIGHT}
              y1={y(tick)}
              y2={y(tick)}
              stroke="var(--mantine-color-gray-4)"
              strokeWidth={tick === 0 ? 1 : 0.5}
              strokeDasharray={tick === 0 ? undefined : '3 3'}
            />
            <text
              x={LEFT - 6}
              y={y(tick)}
              dy="0.32em"
              textAnchor="end"
              fontSize={11}
              fill="var(--mantine-color-dimmed)"
            >
              {tick}
            </text>
          </g>
        ))}
        {data.map((day, index) => {
          const x = LEFT + index * band + (band - barW) / 2;
          const h = (day.leads / top) * plotH;
          const labelled = (data.length - 1 - index) % every === 0;
          return (
            <g key={day.date}>
              <rect
                x={x}
                y={y(day.leads)}
                width={barW}
                height={h}
                rx={Math.min(3, barW / 4)}
                fill={index === active ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-blue-5)'}
                data-date={day.date}
                data-value={day.leads}
              >
                <title>{`${shortDay(day.date, i18n.language)}: ${t('analytics.leadCount', { count: day.leads })}`}</title>
              </rect>
              {showValues && (
                <text
                  x={x + barW / 2}
                  y={y(day.leads) - 4}
                  textAnchor="middle"
                  fontSize={11}
                  fill="var(--mantine-color-text)"
                  data-testid="bar-value"
                >
                  {day.leads}
                </text>
              )}
              {labelled && (
                <text
                  x={LEFT + index * band + band / 2}
                  y={HEIGHT - 6}
                  textAnchor="middle"
                  fontSize={11}
                  fill="var(--mantine-color-dimmed)"
                  data-testid="x-label"
                >
                  {shortDay(day.date, i18n.language)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Text id={captionId} size="sm" c="dimmed" mt={4} data-testid="per-day-readout" aria-live="polite">
        {current
          ? `${shortDay(current.date, i18n.language)}: ${t('analytics.leadCount', { count: current.leads })}`
          : t('analytics.perDayTotal', { count: total, days: data.length })}
      </Text>
      <VisuallyHidden>
        <Table data-testid="per-day-table">
          <caption>{t('analytics.perDay')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.date')}</th>
              <th scope="col">{t('analytics.leads')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((day) => (
              <tr key={day.date}>
                <td>{shortDay(day.date, i18n.language)}</td>
                <td>{day.leads}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </div>
  );
}
