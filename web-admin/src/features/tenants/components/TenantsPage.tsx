import { Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionError } from '../../../components/ActionError';
import { formatDateTime } from '../../../lib/format';
import { SessionExpiredError } from '@buildcrm/web-shared/lib/errors';
import { usePhone } from '../../../lib/usePhone';
import { usePackName } from '../../packs/api/packs';
import { useTenants } from '../api/tenants';
import { ChannelStateBadge } from './ChannelStateBadge';
import { CreateTenantModal } from './CreateTenantModal';
import { TenantStatusBadge } from './TenantStatusBadge';

export function TenantsPage() {
  const { t, i18n } = useTranslation();
  const tenants = useTenants();
  const [creating, setCreating] = useState(false);
  const phone = usePhone();
  const packName = usePackName();

  let body;
  if (tenants.isPending) {
    body = (
      <Group gap="sm">
        <Loader size="sm" />
        <Text>{t('tenants.loading')}</Text>
      </Group>
    );
  } else if (tenants.isError) {
    // An expired session is handled by the route guard, which is already sending the operator to login.
    body =
      tenants.error instanceof SessionExpiredError ? null : (
        <ActionError error={tenants.error} title={t('tenants.loadFailed')} />
      );
  } else if (tenants.data.length === 0) {
    body = <Text c="dimmed">{t('tenants.empty')}</Text>;
  } else if (phone) {
    body = (
      <Stack gap="sm" role="list" aria-label={t('tenants.title')}>
        {tenants.data.map((tenant) => (
          <Card key={tenant.id} withBorder padding="sm" role="listitem" data-testid="tenant-card">
            <Stack gap={6}>
              <Anchor
                component={Link}
                to={`/tenants/${tenant.id}`}
                fw={600}
                mih={44}
                display="flex"
                style={{ alignItems: 'center' }}
              >
                {tenant.name ?? tenant.slug}
              </Anchor>
              <Group gap={6}>
                <TenantStatusBadge status={tenant.status ?? ''} />
                <ChannelStateBadge channel={tenant.channel} />
              </Group>
              <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
                <Text size="sm" c="dimmed">
                  {t('tenants.columns.slug')}
                </Text>
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {tenant.slug}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('tenants.columns.pack')}
                </Text>
                <Text size="sm">{packName(tenant.pack)}</Text>
                <Text size="sm" c="dimmed">
                  {t('tenants.columns.leadsToday')}
                </Text>
                <Text size="sm">{tenant.leadsToday ?? '—'}</Text>
                <Text size="sm" c="dimmed">
                  {t('tenants.columns.lastInbound')}
                </Text>
                <Text size="sm">{formatDateTime(tenant.channel?.lastInboundAt, i18n.language)}</Text>
              </SimpleGrid>
              {tenant.channel?.lastError && (
                <Text size="sm" c="red" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                  {tenant.channel.lastError}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={1100}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tenants.columns.slug')}</Table.Th>
              <Table.Th>{t('tenants.columns.name')}</Table.Th>
              <Table.Th>{t('tenants.columns.status')}</Table.Th>
              <Table.Th>{t('tenants.columns.pack')}</Table.Th>
              <Table.Th>{t('tenants.columns.channel')}</Table.Th>
              <Table.Th>{t('tenants.columns.lastInbound')}</Table.Th>
              <Table.Th>{t('tenants.columns.leadsToday')}</Table.Th>
              <Table.Th>{t('tenants.columns.errors')}</Table.Th>
              <Table.Th>{t('tenants.columns.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tenants.data.map((tenant) => (
              <Table.Tr key={tenant.id}>
                <Table.Td ff="monospace">
                  <Anchor component={Link} to={`/tenants/${tenant.id}`}>
                    {tenant.slug}
                  </Anchor>
                </Table.Td>
                <Table.Td>{tenant.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <TenantStatusBadge status={tenant.status ?? ''} />
                </Table.Td>
                <Table.Td>{packName(tenant.pack)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <ChannelStateBadge channel={tenant.channel} />
                </Table.Td>
                <Table.Td>{formatDateTime(tenant.channel?.lastInboundAt, i18n.language)}</Table.Td>
                <Table.Td>{tenant.leadsToday ?? '—'}</Table.Td>
                <Table.Td maw={240}>
                  <Text size="sm" c={tenant.channel?.lastError ? 'red' : 'dimmed'} lineClamp={2}>
                    {tenant.channel?.lastError ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(tenant.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('tenants.title')}</Title>
        <Button h={phone ? 44 : undefined} onClick={() => setCreating(true)}>
          {t('tenants.create.open')}
        </Button>
      </Group>
      {body}
      {creating && <CreateTenantModal opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
