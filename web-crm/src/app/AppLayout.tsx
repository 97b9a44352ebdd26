// the rest of Mantine's styles (the first screen's are in the entry): every signed-in screen sits in this layout
import '@mantine/core/styles.layer.css';
import {
  ActionIcon,
  AppShell,
  Badge,
  Box,
  Button,
  Drawer,
  Group,
  NavLink,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '@buildcrm/web-shared/components/LanguageSwitch';
import { LogoutButton } from '@buildcrm/web-shared/auth/LogoutButton';
import { useLogout } from '@buildcrm/web-shared/auth/useLogout';
import { StageMoveHost } from '../features/stages/components/StageMoveHost';
import { useLiveUpdates } from '../features/live/hooks/useLiveUpdates';
import { useCurrentUser } from '../features/me/hooks/useCurrentUser';
import { nowQueryOptions } from '../features/now/api/now';
import { notificationsSupported, requestNotificationPermission } from '../lib/notify';
import { usePhone } from '../lib/usePhone';

const STATUS_COLOR = { live: 'green', polling: 'green', connecting: 'yellow', offline: 'red' } as const;

/** How many things wait in my «Сейчас», red when any is overdue or urgent. */
function useNowCount(): { count: number; urgent: boolean } {
  const queue = useQuery(nowQueryOptions('me'));
  const items = queue.data ?? [];
  return { count: items.length, urgent: items.some((item) => item.action.urgency >= 80) };
}

/** The «Сейчас» count: it follows the queue by itself, so a refreshed queue re-renders the badge, not the layout. */
function NowCountBadge() {
  const { count, urgent } = useNowCount();
  if (count === 0) return null;
  return (
    <Badge size="sm" circle={count < 10} color={urgent ? 'red' : 'blue'} data-testid="now-count">
      {count}
    </Badge>
  );
}

function BottomTab({
  to,
  state,
  icon,
  label,
  active,
  onClick,
  badge,
}: {
  to?: string;
  /** router state for the link (the search tab asks the leads list to focus its search box) */
  state?: unknown;
  icon: string;
  label: string;
  active: boolean;
  onClick?: () => void;
  badge?: ReactNode;
}) {
  const content = (
    <Stack gap={0} align="center" justify="center" h="100%" pos="relative">
      <Text size="lg" lh={1} aria-hidden>
        {icon}
      </Text>
      <Text size="xs" fw={active ? 700 : 500} c={active ? 'blue' : 'dimmed'}>
        {label}
      </Text>
      {badge && (
        <Box pos="absolute" top={2} left="calc(50% + 6px)">
          {badge}
        </Box>
      )}
    </Stack>
  );
  const style = { flex: 1, minHeight: 56, minWidth: 64 };
  return to ? (
    <UnstyledButton
      component={RouterLink}
      to={to}
      state={state}
      style={style}
      aria-current={active ? 'page' : undefined}
      data-testid="bottom-tab"
    >
      {content}
    </UnstyledButton>
  ) : (
    <UnstyledButton onClick={onClick} style={style} data-testid="bottom-tab">
      {content}
    </UnstyledButton>
  );
}

/**
 * Keeps the signed-in screens current over the live stream and shows its state. A component of its own, so the
 * stream's status changes re-render the badge, not the whole layout.
 */
function LiveStatus() {
  const { t } = useTranslation();
  const live = useLiveUpdates(true);
  return (
    <Tooltip label={t(`live.status.${live}`)}>
      <Badge size="xs" variant="dot" color={STATUS_COLOR[live]} data-testid="live-status" data-status={live}>
        {t(`live.status.${live}`)}
      </Badge>
    </Tooltip>
  );
}

/**
 * «Ещё» on a phone: the screens without a tab, the language and sign-out. Memoised, like the toasts' host: closed,
 * it need not render again each time the layout does.
 */
const MoreSheet = memo(function MoreSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { me, canManage } = useCurrentUser();
  const location = useLocation();
  const logout = useLogout();
  const at = (path: string) => location.pathname.startsWith(path);
  const links = [
    ...(canManage
      ? [
          { to: '/analytics', label: t('nav.analytics') },
          { to: '/settings', label: t('nav.settings') },
        ]
      : []),
    { to: '/profile', label: t('nav.profile') },
  ];
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="bottom"
      size="auto"
      title={me ? `${me.name} · ${me.tenant.name}` : t('nav.more')}
      data-testid="more-sheet"
    >
      <Stack gap={4} pb="md">
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={RouterNavLink}
            to={link.to}
            label={link.label}
            active={at(link.to)}
            onClick={onClose}
            mih={48}
          />
        ))}
        <Group justify="space-between" px="sm" mih={48}>
          <Text size="sm">{t('language.label')}</Text>
          <LanguageSwitch />
        </Group>
        <Button variant="default" h={48} loading={logout.isPending} onClick={() => logout.mutate()}>
          {t('auth.logout')}
        </Button>
      </Stack>
    </Drawer>
  );
});

export function AppLayout() {
  const { t } = useTranslation();
  const [more, { open: openMore, close: closeMore }] = useDisclosure(false);
  const { me, canManage } = useCurrentUser();
  const location = useLocation();
  const phone = usePhone();

  const managerLinks = canManage
    ? [
        { to: '/analytics', label: t('nav.analytics') },
        { to: '/settings', label: t('nav.settings') },
      ]
    : [];
  const links: { to: string; label: string; badge?: ReactNode }[] = [
    { to: '/now', label: t('nav.now'), badge: <NowCountBadge /> },
    { to: '/leads', label: t('nav.leads') },
    ...managerLinks,
    { to: '/profile', label: t('nav.profile') },
  ];
  const at = (path: string) => location.pathname.startsWith(path);
  // «Поиск» is the leads list with its search box; «Лиды» the stage tabs
  const searching = at('/leads') && new URLSearchParams(location.search).get('view') === 'list';

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={phone ? undefined : { width: 200, breakpoint: 'sm' }}
      footer={{ height: 60, collapsed: !phone }}
      padding="sm"
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={700}>{t('app.name')}</Text>
            <LiveStatus />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {notificationsSupported() && Notification.permission === 'default' && (
              <Tooltip label={t('live.enableNotifications')}>
                <ActionIcon
                  variant="default"
                  size={phone ? 44 : 'md'}
                  onClick={() => void requestNotificationPermission()}
                  aria-label={t('live.enableNotifications')}
                >
                  🔔
                </ActionIcon>
              </Tooltip>
            )}
            {!phone && <LanguageSwitch />}
          </Group>
        </Group>
      </AppShell.Header>
      {!phone && (
        <AppShell.Navbar p="xs">
          <Stack gap={4} justify="space-between" h="100%">
            <Stack gap={4}>
              {links.map((link) => (
                <NavLink
                  key={link.to}
                  component={RouterNavLink}
                  to={link.to}
                  label={link.label}
                  rightSection={link.badge}
                  active={at(link.to)}
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
      )}
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <StageMoveHost />
      {phone && (
        <AppShell.Footer style={{ paddingBottom: 'env(safe-area-inset-bottom)' }}>
          <Group h="100%" gap={0} wrap="nowrap" component="nav" aria-label={t('nav.menu')} data-testid="bottom-nav">
            <BottomTab to="/now" icon="⚡" label={t('nav.now')} active={at('/now')} badge={<NowCountBadge />} />
            <BottomTab to="/leads" icon="📋" label={t('nav.leads')} active={at('/leads') && !searching} />
            <BottomTab
              to="/leads?view=list"
              state={{ focusSearch: true }}
              icon="🔍"
              label={t('nav.search')}
              active={searching}
            />
            <BottomTab
              icon="☰"
              label={t('nav.more')}
              active={more || at('/analytics') || at('/settings') || at('/profile')}
              onClick={openMore}
            />
          </Group>
        </AppShell.Footer>
      )}
      <MoreSheet opened={more} onClose={closeMore} />
    </AppShell>
  );
}
