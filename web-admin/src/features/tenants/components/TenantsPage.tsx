import { Anchor, Box, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ActionError } from '../../../components/ActionError';
import { formatDateTime } from '../../../lib/format';
import { SessionExpiredError } from '@buildcrm/web-shared/lib/errors';
import { usePhone } from '../../../lib/usePhone';
import { usePackName } from '../../packs/api/packs';
import { TENANTS_PAGE_SIZE, useTenantsPage } from '../api/tenants';
import { useTenantsListParams } from '../hooks/useTenantsListParams';
import { ChannelStateBadge } from './ChannelStateBadge';
import { CreateTenantModal } from './CreateTenantModal';
import { TenantsPager, TenantsSearch } from './TenantsListControls';
import { TenantStatusBadge } from './TenantStatusBadge';

/**
 * The companies, newest first, a page at a time (an operator may run thousands): a search by code, name or the
 * owner's e-mail, previous/next, both kept in the URL. The page on screen stays, dimmed, while the next one loads.
 */
export function TenantsPage() {
  const { t, i18n } = useTranslation();
  const { q, page, setQuery, setPage, replacePage } = useTenantsListParams();
  const tenants = useTenantsPage({ q, page });
  const [creating, setCreating] = useState(false);
  const phone = usePhone();
  const packName = usePackName();

  const shown = tenants.data;
  // a stale link or companies gone meanwhile: the last page that has any
  const lastPage = shown === undefined ? 1 : Math.max(1, Math.ceil(shown.total / TENANTS_PAGE_SIZE));
  const pastTheEnd = shown !== undefined && !tenants.isPlaceholderData && shown.items.length === 0 && page > lastPage;
  useEffect(() => {
    if (pastTheEnd) replacePage(lastPage);
  }, [pastTheEnd, lastPage, replacePage]);

  let body;
  if (tenants.isPending || pastTheEnd) {
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
  } else if (tenants.data.items.length === 0 && q !== '') {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text fw={600}>{t('tenants.notFound')}</Text>
        <Button variant="default" onClick={() => setQuery('')}>
          {t('tenants.showAll')}
        </Button>
      </Stack>
    );
  } else if (tenants.data.items.length === 0) {
    body = <Text c="dimmed">{t('tenants.empty')}</Text>;
  } else if (phone) {
    body = (
      <Stack gap="sm" role="list" aria-label={t('tenants.title')}>
        {tenants.data.items.map((tenant) => (
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
            {tenants.data.items.map((tenant) => (
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

  const from = shown === undefined ? 0 : shown.offset + 1;
  const to = shown === undefined ? 0 : shown.offset + shown.items.length;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('tenants.title')}</Title>
        <Button h={phone ? 44 : undefined} onClick={() => setCreating(true)}>
          {t('tenants.create.open')}
        </Button>
      </Group>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <TenantsSearch value={q} onSearch={setQuery} phone={phone} style={{ flex: '1 1 240px', maxWidth: 480 }} />
        {shown !== undefined && shown.items.length > 0 && (
          <TenantsPager
            from={from}
            to={to}
            total={shown.total}
            hasPrevious={page > 1}
            hasNext={page * TENANTS_PAGE_SIZE < shown.total}
            onPrevious={() => setPage(page - 1)}
            onNext={() => setPage(page + 1)}
            phone={phone}
          />
        )}
      </Group>
      <Box
        data-testid="tenants-list"
        aria-busy={tenants.isPlaceholderData}
        style={{ opacity: tenants.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        {body}
      </Box>
      {creating && <CreateTenantModal opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
