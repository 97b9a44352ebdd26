import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ManagerStats } from '../../../lib/api/types';
import { usePhone } from '../../../lib/usePhone';
import { formatDuration } from '../lib/format';

function roleLabel(role: string, t: TFunction): string {
  return t(`analytics.role.${role.toLowerCase()}`, { defaultValue: '' });
}

/** «3 / 1 / 0»: on time / late / missed, with the words for screen readers and in the tooltip. */
function CallsCell({ calls }: { calls: ManagerStats['calls'] }) {
  const { t } = useTranslation();
  const words = t('analytics.callsInWords', calls);
  return (
    <span title={words} data-testid="calls-split">
      <span aria-hidden>
        <Text span c="teal.7" fw={600}>
          {calls.onTime}
        </Text>
        {' / '}
        <Text span c="orange.7" fw={600}>
          {calls.late}
        </Text>
        {' / '}
        <Text span c="red.7" fw={600}>
          {calls.missed}
        </Text>
      </span>
      <VisuallyHidden>{words}</VisuallyHidden>
    </span>
  );
}

/** The numbers of one person, in the order of the table's columns. */
function cells(row: ManagerStats, t: TFunction) {
  return [
    { key: 'leads', label: t('analytics.leadsAssigned'), value: row.leadsAssigned },
    { key: 'won', label: t('analytics.won'), value: row.won },
    { key: 'replies', label: t('analytics.humanReplies'), value: row.humanReplies },
    { key: 'takeovers', label: t('analytics.takeOvers'), value: row.takeOvers },
    {
      key: 'first',
      label: t('analytics.firstResponse'),
      value: formatDuration(row.firstResponse.medianSeconds, t),
    },
    { key: 'calls', label: t('analytics.calls'), value: <CallsCell calls={row.calls} /> },
  ];
}

function Name({ row }: { row: ManagerStats }) {
  const { t } = useTranslation();
  const role = roleLabel(row.role, t);
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {row.name}
      </Text>
      {role && row.role.toLowerCase() !== 'manager' && (
        <Badge size="xs" variant="light" color="gray">
          {role}
        </Badge>
      )}
      {!row.active && (
        <Badge size="xs" variant="light" color="red">
          {t('analytics.disabled')}
        </Badge>
      )}
    </Group>
  );
}

/**
 * Per person: leads assigned, won, replies to clients, take-overs, median first response and calls. A table on a
 * desktop; on a phone a card per person (a table would scroll sideways at 360 px).
 */
export function ManagersReport({ managers }: { managers: ManagerStats[] }) {
  const { t } = useTranslation();
  const phone = usePhone();
  if (managers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('analytics.noManagers')}
      </Text>
    );
  }
  if (phone) {
    return (
      <Stack gap="sm" data-testid="managers-cards">
        {managers.map((row) => (
          <Card key={row.id} withBorder padding="sm" data-testid="manager-card">
            <Name row={row} />
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} mt="xs" component="dl" m={0}>
              {cells(row, t).map((cell) => (
                <div key={cell.key} style={{ minWidth: 0 }}>
                  <Text component="dt" size="xs" c="dimmed">
                    {cell.label}
                  </Text>
                  <Text component="dd" size="sm" fw={600} m={0} data-testid={`manager-${cell.key}`}>
                    {cell.value}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Card>
        ))}
        <Text size="xs" c="dimmed">
          {t('analytics.callsLegend')}
        </Text>
      </Stack>
    );
  }
  const headers = cells(managers[0]!, t);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="managers-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analytics.manager')}</Table.Th>
              {headers.map((cell) => (
                <Table.Th key={cell.key}>{cell.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {managers.map((row) => (
              <Table.Tr key={row.id} data-testid="manager-row">
                <Table.Td>
                  <Name row={row} />
                </Table.Td>
                {cells(row, t).map((cell) => (
                  <Table.Td key={cell.key} data-testid={`manager-${cell.key}`}>
                    {cell.value}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('analytics.callsLegend')}
      </Text>
    </Stack>
  );
}
