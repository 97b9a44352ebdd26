import { AppShell, Group, NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useMatch } from 'react-router';
import { LanguageSwitch } from '@buildcrm/web-shared/components/LanguageSwitch';
import { LogoutButton } from '@buildcrm/web-shared/auth/LogoutButton';

export function AppLayout() {
  const { t } = useTranslation();
  const onTenants = useMatch('/tenants/*') !== null;
  const onHealth = useMatch('/health') !== null;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Text fw={700} size="lg">
            {t('app.name')}{' '}
            <Text span c="dimmed" fw={400}>
              {t('app.console')}
            </Text>
          </Text>
          <Group gap="sm">
            <LanguageSwitch />
            <LogoutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        <NavLink component={RouterNavLink} to="/tenants" label={t('nav.tenants')} active={onTenants} />
        <NavLink component={RouterNavLink} to="/health" label={t('nav.health')} active={onHealth} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
