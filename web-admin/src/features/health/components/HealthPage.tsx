import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { WordBadge } from '../../../components/WordBadge';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionError } from '../../../components/ActionError';
import { formatAge, formatDateTime } from '../../../lib/format';
import { SessionExpiredError } from '@buildcrm/web-shared/lib/errors';
import { usePhone } from '../../../lib/usePhone';
import { useHealth, useRetryInbox } from '../api/health';

const STATUS_COLOR: Record<string, string> = { ok: 'green', degraded: 'orange', down: 'red' };

export function HealthPage() {
  const { t, i18n } = useTranslation();
  const [autoRefresh, setAutoRefresh] = useState(true);
  const health = useHealth(autoRefresh);
  const retry = useRetryInbox();
  const lang = i18n.language;
  const phone = usePhone();
  // a job the console has no word for is a «service job», never its id
  const queueLabel = (name: string | undefined) =>
    !name
      ? '—'
      : i18n.exists(`health.jobs.${name}`)
        ? t(`health.jobs.${name}` as 'health.jobs.other')
        : t('health.jobs.other');
  const breakerLabel = (state: string | null | undefined) =>
    state === 'CLOSED' || state === 'OPEN' || state === 'HALF_OPEN'
      ? t(`health.breakerState.${state}`)
      : !state || state === 'n/a'
        ? t('health.notUsed')
        : state;

  let body;
  if (health.isPending) {
    body = <Loader size="sm" />;
  } else if (health.isError) {
    body =
      health.error instanceof SessionExpiredError ? null : (
        <ActionError error={health.error} title={t('health.loadFailed')} />
      );
  } else {
    const h = health.data;
    const silent = (h.tenants ?? []).filter((x) => x.silent);
    body = (
      <Stack>
        <Group>
          <WordBadge size="lg" color={STATUS_COLOR[h.status ?? ''] ?? 'gray'} data-testid="health-status">
            {t(`health.status.${h.status === 'ok' ? 'ok' : h.status === 'down' ? 'down' : 'degraded'}`)}
          </WordBadge>
          <Text size="sm" c="dimmed">
            {t('health.checkedAt', { at: formatDateTime(h.checkedAt, lang) })}
          </Text>
        </Group>
        {silent.length > 0 && (
          <Alert color="red" role="alert" title={t('health.silentAlarmTitle')}>
            {t('health.silentAlarm', { count: silent.length, slugs: silent.map((s) => s.slug).join(', ') })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Card withBorder>
            <Text fw={600}>{t('health.database')}</Text>
            <WordBadge color={h.database?.up ? 'green' : 'red'} mt="xs">
              {h.database?.up ? t('health.up') : t('health.down')}
            </WordBadge>
            <Text size="sm" mt="xs">
              {t('health.latency', { ms: h.database?.latencyMs ?? 0 })}
            </Text>
          </Card>
          <Card withBorder>
            <Text fw={600}>{t('health.outbox')}</Text>
            <Text size="sm">{t('health.pending', { count: h.outbox?.pending ?? 0 })}</Text>
            <Text size="sm">{t('health.oldest', { age: formatAge(h.outbox?.oldestPendingAgeSeconds, lang) })}</Text>
            <Text size="sm" c={(h.outbox?.failedLast24h ?? 0) > 0 ? 'red' : undefined}>
              {t('health.failed24h', { count: h.outbox?.failedLast24h ?? 0 })}
            </Text>
            <Text size="sm">{t('health.unknown', { count: h.outbox?.unknown ?? 0 })}</Text>
          </Card>
          <Card withBorder>
            <Text fw={600}>{t('health.inbox')}</Text>
            <Text size="sm">{t('health.unprocessed', { count: h.inbox?.unprocessed ?? 0 })}</Text>
            <Text size="sm">{t('health.oldest', { age: formatAge(h.inbox?.oldestAgeSeconds, lang) })}</Text>
            <Text size="sm" c={(h.inbox?.poison ?? 0) > 0 ? 'red' : undefined}>
              {t('health.poison', { count: h.inbox?.poison ?? 0 })}
            </Text>
            {h.inbox?.poisonLastError && (
              <Text size="xs" c="dimmed" ff="monospace" data-testid="poison-error">
                {h.inbox.poisonLastError}
              </Text>
            )}
            {((h.inbox?.poison ?? 0) > 0 || retry.isSuccess) && (
              <Group gap="xs" mt="xs">
                {(h.inbox?.poison ?? 0) > 0 && (
                  <Button
                    size="xs"
                    mih={phone ? 44 : undefined}
                    variant="light"
                    loading={retry.isPending}
                    onClick={() => retry.mutate()}
                  >
                    {t('health.retryPoison')}
                  </Button>
                )}
                {retry.isSuccess && (
                  <Text size="xs" role="status">
                    {t('health.retried', { count: retry.data.requeued })}
                  </Text>
                )}
              </Group>
            )}
            {retry.isError && <ActionError error={retry.error} title={t('health.retryFailed')} />}
          </Card>
        </SimpleGrid>

        <Title order={4}>{t('health.queues')}</Title>
        <Table.ScrollContainer minWidth={420} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('health.queue')}</Table.Th>
                <Table.Th>{t('health.depth')}</Table.Th>
                <Table.Th>{t('health.dueNow')}</Table.Th>
                <Table.Th>{t('health.oldestDue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(h.queues ?? []).length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      {t('health.noJobs')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {(h.queues ?? []).map((q) => (
                <Table.Tr key={q.name}>
                  <Table.Td>{queueLabel(q.name)}</Table.Td>
                  <Table.Td>{q.depth}</Table.Td>
                  <Table.Td>{q.dueNow}</Table.Td>
                  <Table.Td>{formatAge(q.oldestDueAgeSeconds, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        <Title order={4}>{t('health.tenants')}</Title>
        <Text size="xs" c="dimmed">
          {t('health.silentRule')}
        </Text>
        {phone ? (
          <Stack gap="sm" role="list" aria-label={t('health.tenants')}>
            {(h.tenants ?? []).map((tenant) => {
              const breaker = (h.breakers?.channels ?? []).find((b) => b.tenantId === tenant.id);
              return (
                <Card key={tenant.id} withBorder padding="sm" role="listitem" data-testid="health-tenant-card">
                  <Stack gap={4}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Anchor
                        component={Link}
                        to={`/tenants/${tenant.id}`}
                        ff="monospace"
                        mih={44}
                        miw={44}
                        display="flex"
                        style={{ alignItems: 'center', overflowWrap: 'anywhere' }}
                      >
                        {tenant.slug}
                      </Anchor>
                      {tenant.silent ? (
                        <WordBadge color="red">
                          {t('health.silent', { age: formatAge(tenant.silentForSeconds, lang) })}
                        </WordBadge>
                      ) : (
                        <WordBadge color="green" variant="light">
                          {t('health.normal')}
                        </WordBadge>
                      )}
                    </Group>
                    <Text size="sm">
                      {t('tenants.columns.channel')}:{' '}
                      {tenant.provider
                        ? t(
                            `channel.providers.${tenant.provider === 'meta-cloud' ? 'meta-cloud' : tenant.provider === 'chatflow' ? 'chatflow' : 'sandbox'}`,
                          )
                        : '—'}
                      {breaker ? ` · ${t('health.breaker')}: ${breakerLabel(breaker.state)}` : ''}
                    </Text>
                    <Text size="sm">
                      {t('tenants.columns.lastInbound')}: {formatDateTime(tenant.lastInboundAt, lang)}
                    </Text>
                    <Text size="sm">
                      {t('health.inbound7d')}: {tenant.inboundLast7Days ?? 0} · {t('health.typicalGap')}:{' '}
                      {formatAge(tenant.typicalGapSeconds, lang)}
                    </Text>
                  </Stack>
                </Card>
              );
            })}
          </Stack>
        ) : (
          <Table withTableBorder striped aria-label={t('health.tenants')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tenants.columns.slug')}</Table.Th>
                <Table.Th>{t('tenants.columns.channel')}</Table.Th>
                <Table.Th>{t('health.breaker')}</Table.Th>
                <Table.Th>{t('tenants.columns.lastInbound')}</Table.Th>
                <Table.Th>{t('health.inbound7d')}</Table.Th>
                <Table.Th>{t('health.typicalGap')}</Table.Th>
                <Table.Th>{t('health.webhook')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(h.tenants ?? []).map((tenant) => {
                const breaker = (h.breakers?.channels ?? []).find((b) => b.tenantId === tenant.id);
                return (
                  <Table.Tr key={tenant.id}>
                    <Table.Td ff="monospace">
                      <Link to={`/tenants/${tenant.id}`}>{tenant.slug}</Link>
                    </Table.Td>
                    <Table.Td>
                      {tenant.provider
                        ? t(
                            `channel.providers.${tenant.provider === 'meta-cloud' ? 'meta-cloud' : tenant.provider === 'chatflow' ? 'chatflow' : 'sandbox'}`,
                          )
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {breaker ? (
                        <WordBadge size="sm" variant="light" color={breaker.state === 'CLOSED' ? 'green' : 'red'}>
                          {breakerLabel(breaker.state)}
                        </WordBadge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(tenant.lastInboundAt, lang)}</Table.Td>
                    <Table.Td>{tenant.inboundLast7Days ?? 0}</Table.Td>
                    <Table.Td>{formatAge(tenant.typicalGapSeconds, lang)}</Table.Td>
                    <Table.Td>
                      {tenant.silent ? (
                        <WordBadge color="red">
                          {t('health.silent', { age: formatAge(tenant.silentForSeconds, lang) })}
                        </WordBadge>
                      ) : (
                        <WordBadge color="green" variant="light">
                          {t('health.normal')}
                        </WordBadge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm">
          {t('health.llmBreaker')}: <b>{breakerLabel(h.breakers?.llm)}</b>
        </Text>

        <Title order={4}>{t('health.errors')}</Title>
        {(h.errors ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('health.noErrors')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={phone ? 0 : 600} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
            <Table withTableBorder layout={phone ? 'fixed' : undefined}>
              <Table.Tbody>
                {(h.errors ?? []).map((e, i) =>
                  phone ? (
                    <Table.Tr key={`${e.source}-${e.tenantId}-${i}`}>
                      <Table.Td>
                        <Stack gap={2}>
                          <Group gap={6}>
                            <WordBadge size="sm" variant="outline">
                              {t(
                                `health.errorSource.${e.source === 'outbox' || e.source === 'inbox' || e.source === 'channel' ? e.source : 'other'}`,
                                { defaultValue: e.source },
                              )}
                            </WordBadge>
                            <Text size="xs" c="dimmed">
                              {formatDateTime(e.at, lang)}
                            </Text>
                          </Group>
                          <Text size="sm" ff="monospace">
                            {e.slug}
                          </Text>
                          <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
                            {e.message}
                          </Text>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <Table.Tr key={`${e.source}-${e.tenantId}-${i}`}>
                      <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                      <Table.Td>
                        <WordBadge size="sm" variant="outline">
                          {t(
                            `health.errorSource.${e.source === 'outbox' || e.source === 'inbox' || e.source === 'channel' ? e.source : 'other'}`,
                            { defaultValue: e.source },
                          )}
                        </WordBadge>
                      </Table.Td>
                      <Table.Td ff="monospace">{e.slug}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c="red">
                          {e.message}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    );
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('health.title')}</Title>
        <Switch
          label={t('health.autoRefresh')}
          checked={autoRefresh}
          onChange={(e) => setAutoRefresh(e.currentTarget.checked)}
        />
      </Group>
      {body}
    </Stack>
  );
}
