import {
  Card,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { funnelQueryOptions, managersQueryOptions, responseTimesQueryOptions, type Period } from '../api/analytics';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function lastDays(days: number): Period {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  return { from: isoDay(from), to: isoDay(to) };
}

function seconds(value: number | null | undefined, t: ReturnType<typeof useTranslation>['t']): string {
  if (value == null) return '—';
  if (value < 60) return t('time.seconds', { count: Math.round(value) });
  if (value < 3600) return t('time.minutes', { count: Math.round(value / 60) });
  return t('time.hours', { count: Math.round(value / 360) / 10 });
}

/** Leads per day as bars: an SVG scaled to its box, one bar per day. */
function PerDayChart({ data }: { data: { date: string; leads: number }[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...data.map((day) => day.leads));
  return (
    <svg
      viewBox={`0 0 ${Math.max(1, data.length) * 10} 100`}
      preserveAspectRatio="none"
      width="100%"
      height={140}
      role="img"
      aria-label={t('analytics.perDay')}
    >
      {data.map((day, index) => {
        const h = (day.leads / max) * 95;
        return (
          <rect key={day.date} x={index * 10 + 1} y={100 - h} width={8} height={h} fill="var(--mantine-color-blue-5)">
            <title>{`${day.date}: ${day.leads}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function AnalyticsPage() {
  const { t } = useTranslation();
  const [preset, setPreset] = useState('30');
  const [period, setPeriod] = useState<Period>(() => lastDays(30));
  const funnel = useQuery(funnelQueryOptions(period));
  const times = useQuery(responseTimesQueryOptions(period));
  const managers = useQuery(managersQueryOptions(period));
  const maxCount = Math.max(1, ...(funnel.data?.stages ?? []).map((step) => step.reached));
  const handling = times.data?.handling;
  const handled = handling ? handling.aiToTheEnd + handling.takenOver : 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('analytics.title')}</Title>
        <Group gap="xs" align="end" wrap="wrap">
          <SegmentedControl
            size="xs"
            value={preset}
            onChange={(value) => {
              setPreset(value);
              if (value !== 'custom') setPeriod(lastDays(Number(value)));
            }}
            data={[
              { value: '7', label: t('analytics.days', { count: 7 }) },
              { value: '30', label: t('analytics.days', { count: 30 }) },
              { value: '90', label: t('analytics.days', { count: 90 }) },
              { value: 'custom', label: t('analytics.custom') },
            ]}
          />
          {preset === 'custom' && (
            <>
              <TextInput
                size="xs"
                type="date"
                label={t('leads.from')}
                value={period.from}
                onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
              />
              <TextInput
                size="xs"
                type="date"
                label={t('leads.to')}
                value={period.to}
                onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
              />
            </>
          )}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('analytics.funnel')}
          </Title>
          {funnel.isError && <ErrorAlert error={funnel.error} />}
          <Stack gap={6} data-testid="funnel">
            {(funnel.data?.stages ?? []).map((step) => (
              <div key={step.stage.id}>
                <Group justify="space-between">
                  <Text size="sm">{step.stage.name}</Text>
                  <Text size="sm" fw={600}>
                    {step.reached}
                    {step.conversionFromPrevious != null && (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        ({Math.round(step.conversionFromPrevious * 100)}%)
                      </Text>
                    )}
                  </Text>
                </Group>
                <Progress value={(step.reached / maxCount) * 100} color={step.stage.color ?? undefined} />
              </div>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('analytics.perDay')}
          </Title>
          {times.data && <PerDayChart data={times.data.leadsPerDay} />}
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('analytics.responseTimes')}
          </Title>
          {times.isError && <ErrorAlert error={times.error} />}
          {times.data && (
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="sm">{t('analytics.firstResponseAi')}</Text>
                <Text fw={600}>{seconds(times.data.ai.medianSeconds, t)}</Text>
              </Group>
              <Group justify="space-between">
                <Text size="sm">{t('analytics.firstResponseHuman')}</Text>
                <Text fw={600}>{seconds(times.data.human.medianSeconds, t)}</Text>
              </Group>
              <Text size="sm">{t('analytics.aiShare')}</Text>
              <Tooltip label={`${handling?.aiToTheEnd ?? 0} / ${handling?.takenOver ?? 0}`}>
                <Progress.Root size="xl">
                  <Progress.Section
                    value={handled && handling ? (handling.aiToTheEnd / handled) * 100 : 0}
                    color="violet"
                  >
                    <Progress.Label>{t('lead.ai')}</Progress.Label>
                  </Progress.Section>
                  <Progress.Section value={handled && handling ? (handling.takenOver / handled) * 100 : 0} color="teal">
                    <Progress.Label>{t('analytics.takenOver')}</Progress.Label>
                  </Progress.Section>
                </Progress.Root>
              </Tooltip>
            </Stack>
          )}
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('analytics.managers')}
          </Title>
          {managers.isError && <ErrorAlert error={managers.error} />}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analytics.manager')}</Table.Th>
                <Table.Th>{t('analytics.leads')}</Table.Th>
                <Table.Th>{t('analytics.won')}</Table.Th>
                <Table.Th>{t('analytics.response')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(managers.data?.managers ?? []).map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{row.leadsAssigned}</Table.Td>
                  <Table.Td>{row.won}</Table.Td>
                  <Table.Td>{seconds(row.responseTime.medianSeconds, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
