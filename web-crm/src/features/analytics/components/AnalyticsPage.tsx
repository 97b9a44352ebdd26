import { Card, Group, Progress, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { usePhone } from '../../../lib/usePhone';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { funnelQueryOptions, managersQueryOptions, responseTimesQueryOptions, type Period } from '../api/analytics';
import { formatDuration, lastDays } from '../lib/format';
import { HandlingSplit } from './HandlingSplit';
import { ManagersReport } from './ManagersReport';
import { PerDayChart } from './PerDayChart';

export function AnalyticsPage() {
  const { t } = useTranslation();
  const { timeZone } = useCurrentUser();
  const phone = usePhone();
  const [preset, setPreset] = useState('30');
  const [period, setPeriod] = useState<Period>(() => lastDays(30, timeZone));
  const funnel = useQuery(funnelQueryOptions(period));
  const times = useQuery(responseTimesQueryOptions(period));
  const managers = useQuery(managersQueryOptions(period));
  const maxCount = Math.max(1, ...(funnel.data?.stages ?? []).map((step) => step.reached));

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('analytics.title')}</Title>
        <Group gap="xs" align="end" wrap="wrap">
          <SegmentedControl
            size={phone ? 'md' : 'xs'}
            fullWidth={phone}
            value={preset}
            onChange={(value) => {
              setPreset(value);
              if (value !== 'custom') setPeriod(lastDays(Number(value), timeZone));
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
                size={phone ? 'md' : 'xs'}
                type="date"
                label={t('leads.from')}
                value={period.from}
                onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
              />
              <TextInput
                size={phone ? 'md' : 'xs'}
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
                <Progress
                  value={(step.reached / maxCount) * 100}
                  color={step.stage.color ?? undefined}
                  aria-label={`${step.stage.name}: ${step.reached}`}
                />
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
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t('analytics.firstResponseAi')}</Text>
                <Text fw={600} data-testid="first-response-ai">
                  {formatDuration(times.data.ai.medianSeconds, t)}
                </Text>
              </Group>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t('analytics.firstResponseHuman')}</Text>
                <Text fw={600} data-testid="first-response-human">
                  {formatDuration(times.data.human.medianSeconds, t)}
                </Text>
              </Group>
            </Stack>
          )}
        </Card>
        <Card withBorder>
          <Title order={5} mb="sm">
            {t('analytics.aiShare')}
          </Title>
          {times.data && <HandlingSplit handling={times.data.handling} />}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={5} mb="sm">
          {t('analytics.managers')}
        </Title>
        {managers.isError && <ErrorAlert error={managers.error} />}
        {managers.data && <ManagersReport managers={managers.data.managers} />}
      </Card>
    </Stack>
  );
}
