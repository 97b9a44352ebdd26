import { AppShell, Box, Burger, Button, Group, NavLink, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useMatch } from 'react-router';
import { LanguageSwitch } from '@buildcrm/web-shared/components/LanguageSwitch';
import { useLogout } from '@buildcrm/web-shared/auth/useLogout';
import { isLanguage } from '@buildcrm/web-shared/lib/i18n';

/** Phones and narrow tablets (below Mantine's `sm`, 768 px) get a burger and a collapsible navigation. */
export const NAV_BREAKPOINT = 'sm';

/** At least 44×44 px on phones (touch targets); the desktop keeps Mantine's compact sizes. */
const TOUCH = { base: 44, [NAV_BREAKPOINT]: 30 };

function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button
      variant="default"
      size="xs"
      h={TOUCH}
      miw={44}
      loading={logout.isPending}
      onClick={() => logout.mutate()}
      data-testid="logout"
    >
      {t('auth.logout')}
    </Button>
  );
}

/** The language switch with phone-sized segments (the navigation drawer's copy). */
function TouchLanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      fullWidth
      aria-label={t('language.label')}
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(value) => {
        if (isLanguage(value)) void i18n.changeLanguage(value);
      }}
      styles={{ label: { minHeight: 44, display: 'flex', alignItems: 'center', justifyContent: 'center' } }}
      data={[
        { value: 'ru', label: t('language.ru') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const onTenants = useMatch('/tenants/*') !== null;
  const onHealth = useMatch('/health') !== null;
  const onSettings = useMatch('/settings') !== null;
  const navLink = { minHeight: 44 };
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: NAV_BREAKPOINT, collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom={NAV_BREAKPOINT}
              size="sm"
              w={44}
              h={44}
              miw={44}
              style={{ flexShrink: 0 }}
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls="admin-nav"
              data-testid="nav-burger"
            />
            <Text fw={700} size="lg" truncate>
              {t('app.name')}{' '}
              <Text span c="dimmed" fw={400} visibleFrom={NAV_BREAKPOINT}>
                {t('app.console')}
              </Text>
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom={NAV_BREAKPOINT}>
              <LanguageSwitch />
            </Box>
            <LogoutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')} id="admin-nav">
        <Stack gap={4} h="100%">
          <NavLink
            component={RouterNavLink}
            to="/tenants"
            label={t('nav.tenants')}
            active={onTenants}
            onClick={close}
            style={navLink}
          />
          <NavLink
            component={RouterNavLink}
            to="/health"
            label={t('nav.health')}
            active={onHealth}
            onClick={close}
            style={navLink}
          />
          <NavLink
            component={RouterNavLink}
            to="/settings"
            label={t('nav.settings')}
            active={onSettings}
            onClick={close}
            style={navLink}
          />
          <Box hiddenFrom={NAV_BREAKPOINT} mt="auto" pt="md">
            <TouchLanguageSwitch />
          </Box>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
