import { Button, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import { WordBadge } from '../../../components/WordBadge';
import { formatDateTime } from '../../../lib/format';
import { usePhone } from '../../../lib/usePhone';
import { useAudit } from '../api/audit';
import { usePackName } from '../../packs/api/packs';
import { i18n } from '../../../lib/i18n';

/** Audit actions the console has words for; an unknown one is «Другое действие», never its key. */
const AUDIT_ACTIONS = {
  'ai.configure': 'audit.actions.ai_configure',
  'channel.configure': 'audit.actions.channel_configure',
  'channel.rotate-secret': 'audit.actions.channel_rotate-secret',
  'channel.test': 'audit.actions.channel_test',
  'followups.configure': 'audit.actions.followups_configure',
  'followups.reset': 'audit.actions.followups_reset',
  'greeting.configure': 'audit.actions.greeting_configure',
  'greeting.reset': 'audit.actions.greeting_reset',
  'inbox.retried': 'audit.actions.inbox_retried',
  'pack.choose': 'audit.actions.pack_choose',
  'tenant.create': 'audit.actions.tenant_create',
  'tenant.suspend': 'audit.actions.tenant_suspend',
  'tenant.resume': 'audit.actions.tenant_resume',
  'demo.seed': 'audit.actions.demo_seed',
} as const;

const ACTOR_TYPES = {
  OPERATOR: 'audit.actors.OPERATOR',
  USER: 'audit.actors.USER',
  SYSTEM: 'audit.actors.SYSTEM',
} as const;

function isKey<T extends object>(map: T, key: string | undefined): key is Extract<keyof T, string> {
  return key !== undefined && Object.prototype.hasOwnProperty.call(map, key);
}

export function auditActionLabel(action: string | undefined, t: TFunction): string {
  if (!action) return '—';
  return isKey(AUDIT_ACTIONS, action) ? t(AUDIT_ACTIONS[action]) : t('audit.actions.other');
}

function actorLabel(type: string | undefined, t: TFunction): string {
  return isKey(ACTOR_TYPES, type) ? t(ACTOR_TYPES[type]) : '—';
}

/** The details in words: known keys with their labels; keys the console has no word for are left out. */
function detailsText(
  details: Record<string, unknown> | undefined,
  t: TFunction,
  packName: (id: string) => string,
): string {
  const word = (key: string) =>
    i18n.exists(`audit.detailKeys.${key}`) ? t(`audit.detailKeys.${key}` as 'audit.detailKeys.result') : null;
  const entries = Object.entries(details ?? {}).filter(([key]) => word(key) !== null);
  if (entries.length === 0) return '—';
  return entries
    .map(([key, value]) => {
      const shown =
        key === 'pack' && typeof value === 'string'
          ? packName(value)
          : typeof value === 'boolean'
            ? t(value ? 'common.yes' : 'common.no')
            : Array.isArray(value)
              ? value.map((v) => (typeof v === 'string' ? (word(v) ?? v) : String(v))).join(', ')
              : typeof value === 'object' && value !== null
                ? '…'
                : (word(String(value)) ?? String(value));
      return `${word(key)}: ${shown}`;
    })
    .join(' · ');
}

/** Who changed what, when, for one tenant (newest first). */
export function AuditPanel({ tenantId }: { tenantId: string }) {
  const { t, i18n } = useTranslation();
  const audit = useAudit(tenantId);
  const packName = usePackName();
  const target = (value: string | null | undefined) =>
    value
      ? i18n.exists(`audit.detailKeys.${value}`)
        ? t(`audit.detailKeys.${value}` as 'audit.detailKeys.result')
        : value
      : '—';
  const phone = usePhone();
  if (audit.isPending) return <Loader size="sm" />;
  if (audit.isError) return <ActionError error={audit.error} title={t('audit.loadFailed')} />;
  const entries = audit.data.pages.flatMap((page) => page.items ?? []);
  if (entries.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  const who = (e: (typeof entries)[number]) =>
    e.actorType === 'SYSTEM' ? t('audit.actors.SYSTEM') : (e.actorEmail ?? '—');
  return (
    <Stack>
      {phone ? (
        <Stack gap="sm" role="list" aria-label={t('audit.title')}>
          {entries.map((e) => (
            <Card key={e.id} withBorder padding="sm" role="listitem" data-testid="audit-card">
              <Stack gap={4}>
                <Text fw={600}>{auditActionLabel(e.action, t)}</Text>
                <Text size="sm" c="dimmed">
                  {formatDateTime(e.at, i18n.language)}
                </Text>
                <Group gap={6}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {who(e)}
                  </Text>
                  <WordBadge size="xs" variant="outline">
                    {actorLabel(e.actorType, t)}
                  </WordBadge>
                </Group>
                {e.target && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('audit.target')}: {target(e.target)}
                  </Text>
                )}
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {detailsText(e.details, t, packName)}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
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
                  <Text size="sm">{who(e)}</Text>
                  <WordBadge size="xs" variant="outline">
                    {actorLabel(e.actorType, t)}
                  </WordBadge>
                </Table.Td>
                <Table.Td>{auditActionLabel(e.action, t)}</Table.Td>
                <Table.Td>{target(e.target)}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {detailsText(e.details, t, packName)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {audit.hasNextPage && (
        <Button
          variant="default"
          mih={44}
          onClick={() => void audit.fetchNextPage()}
          loading={audit.isFetchingNextPage}
        >
          {t('audit.more')}
        </Button>
      )}
    </Stack>
  );
}
