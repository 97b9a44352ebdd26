import { ActionIcon, AppShell, Badge, Burger, Group, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '@buildcrm/web-shared/components/LanguageSwitch';
import { LogoutButton } from '@buildcrm/web-shared/auth/LogoutButton';
import { useLiveUpdates } from '../features/live/hooks/useLiveUpdates';
import { useCurrentUser } from '../features/me/hooks/useCurrentUser';
import { notificationsSupported, requestNotificationPermission } from '../lib/notify';

const STATUS_COLOR = { live: 'green', polling: 'green', connecting: 'yellow', offline: 'red' } as const;

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { me, canManage } = useCurrentUser();
  const live = useLiveUpdates(true);
  const location = useLocation();

  const links = [
    { to: '/leads', label: t('nav.leads') },
    ...(canManage
      ? [
          { to: '/analytics', label: t('nav.analytics') },
          { to: '/settings', label: t('nav.settings') },
        ]
      : []),
  ];

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="sm"
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700}>{t('app.name')}</Text>
            <Tooltip label={t(`live.status.${live}`)}>
              <Badge size="xs" variant="dot" color={STATUS_COLOR[live]} data-testid="live-status" data-status={live}>
                {t(`live.status.${live}`)}
              </Badge>
            </Tooltip>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {notificationsSupported() && Notification.permission === 'default' && (
              <Tooltip label={t('live.enableNotifications')}>
                <ActionIcon
                  variant="default"
                  onClick={() => void requestNotificationPermission()}
                  aria-label={t('live.enableNotifications')}
                >
                  🔔
                </ActionIcon>
              </Tooltip>
            )}
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={4} justify="space-between" h="100%">
          <Stack gap={4}>
            {links.map((link) => (
              <NavLink
                key={link.to}
                component={RouterNavLink}
                to={link.to}
                label={link.label}
                active={location.pathname.startsWith(link.to)}
                onClick={close}
              />
            ))}
          </Stack>
          <Stack gap={4}>
            {me && (
              <Text size="xs" c="dimmed">
                {me.name} · {me.tenant.name}
              </Text>
            )}
            <LogoutButton />
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
