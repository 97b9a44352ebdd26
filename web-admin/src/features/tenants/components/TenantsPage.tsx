import { Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SessionExpiredError } from '@shared/lib/errors';
import { useTenants } from '../api/getTenants';
import { TenantStatusBadge } from './TenantStatusBadge';

export function TenantsPage() {
  const { t, i18n } = useTranslation();
  const tenants = useTenants();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  function formatDate(value: string) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
  }

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
        <ErrorAlert error={tenants.error} title={t('tenants.loadFailed')} />
      );
  } else if (tenants.data.length === 0) {
    body = <Text c="dimmed">{t('tenants.empty')}</Text>;
  } else {
    body = (
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tenants.columns.slug')}</Table.Th>
              <Table.Th>{t('tenants.columns.name')}</Table.Th>
              <Table.Th>{t('tenants.columns.status')}</Table.Th>
              <Table.Th>{t('tenants.columns.pack')}</Table.Th>
              <Table.Th>{t('tenants.columns.timezone')}</Table.Th>
              <Table.Th>{t('tenants.columns.locale')}</Table.Th>
              <Table.Th>{t('tenants.columns.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tenants.data.map((tenant) => (
              <Table.Tr key={tenant.id}>
                <Table.Td ff="monospace">{tenant.slug}</Table.Td>
                <Table.Td>{tenant.name}</Table.Td>
                <Table.Td>
                  <TenantStatusBadge status={tenant.status} />
                </Table.Td>
                <Table.Td>{tenant.pack}</Table.Td>
                <Table.Td>{tenant.timezone}</Table.Td>
                <Table.Td>{tenant.locale}</Table.Td>
                <Table.Td>{formatDate(tenant.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack>
      <Title order={2}>{t('tenants.title')}</Title>
      {body}
    </Stack>
  );
}
