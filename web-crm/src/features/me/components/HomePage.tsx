import { Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { SessionExpiredError } from '@buildcrm/web-shared/lib/errors';
import { zoneLabel } from '@buildcrm/web-shared/lib/zone';
import { useMe } from '../api/getMe';
import { LogoutButton } from '@buildcrm/web-shared/auth/LogoutButton';
import { usePhone } from '../../../lib/usePhone';
import { PushSettings } from '../../push/components/PushSettings';

const ROLE_KEYS = { owner: 'roles.owner', rop: 'roles.rop', manager: 'roles.manager' } as const;

function isKnownRole(role: string): role is keyof typeof ROLE_KEYS {
  return role in ROLE_KEYS;
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const phone = usePhone();

  if (me.isPending) {
    return (
      <Group gap="sm">
        <Loader size="sm" />
        <Text>{t('home.loading')}</Text>
      </Group>
    );
  }
  if (me.isError) {
    // An expired session is handled by the route guard, which is already sending the user to login.
    if (me.error instanceof SessionExpiredError) return null;
    return <ErrorAlert error={me.error} title={t('home.loadFailed')} />;
  }

  const { name, email, role, tenant } = me.data;
  const normalizedRole = role.toLowerCase();
  const roleLabel = isKnownRole(normalizedRole) ? t(ROLE_KEYS[normalizedRole]) : role;

  return (
    <Stack>
      <Title order={2}>{t('home.greeting', { name })}</Title>
      <Card withBorder maw={560}>
        <Table variant="vertical" layout="fixed" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>{t('home.email')}</Table.Th>
              <Table.Td>{email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('home.role')}</Table.Th>
              <Table.Td>{roleLabel}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('home.company')}</Table.Th>
              <Table.Td>
                {tenant.name} ({tenant.slug})
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('home.timezone')}</Table.Th>
              <Table.Td>{zoneLabel(tenant.timezone, i18n.language)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <PushSettings />
      {/* a phone has no side navigation: signing out is here and in the «Ещё» sheet */}
      {phone && <LogoutButton />}
    </Stack>
  );
}
