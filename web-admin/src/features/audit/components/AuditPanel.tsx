import { Badge, Button, Code, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useAudit } from '../api/audit';

/** Who changed what, when, for one tenant (newest first). */
export function AuditPanel({ tenantId }: { tenantId: string }) {
  const { t, i18n } = useTranslation();
  const audit = useAudit(tenantId);
  if (audit.isPending) return <Loader size="sm" />;
  if (audit.isError) return <ErrorAlert error={audit.error} title={t('audit.loadFailed')} />;
  const entries = audit.data.pages.flatMap((page) => page.items ?? []);
  if (entries.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  return (
    <Stack>
      <Table striped withTableBorder aria-label={t('audit.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.who')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.target')}</Table.Th>
            <Table.Th>{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
              <Table.Td>
                <Text size="sm">{e.actorEmail ?? '—'}</Text>
                <Badge size="xs" variant="outline">
                  {e.actorType}
                </Badge>
              </Table.Td>
              <Table.Td ff="monospace">{e.action}</Table.Td>
              <Table.Td>{e.target ?? '—'}</Table.Td>
              <Table.Td>
                <Code>{JSON.stringify(e.details ?? {})}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {audit.hasNextPage && (
        <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
          {t('audit.more')}
        </Button>
      )}
    </Stack>
  );
}
