import {
  Badge,
  Box,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { CrmUser } from '../../../lib/api/types';
import {
  crmSettingsQueryOptions,
  useInviteUser,
  usersQueryOptions,
  useUpdateCrmSettings,
  useUpdateUser,
} from '../api/users';

function roleLabel(role: string, t: ReturnType<typeof useTranslation>['t']) {
  const key = role.toLowerCase();
  return key === 'owner' || key === 'rop' || key === 'manager' ? t(`roles.${key}`) : role;
}

function UserRow({ user }: { user: CrmUser }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const disabled = user.status.toLowerCase() === 'disabled';
  const isOwner = user.role.toLowerCase() === 'owner';
  return (
    <Paper withBorder p="xs" data-testid="user-row" component="li">
      <Group gap="xs" wrap="wrap" align="center" justify="space-between">
        <Box style={{ flex: '1 1 200px', minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
        </Box>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{roleLabel(user.role, t)}</Text>
          <Badge color={disabled ? 'gray' : 'green'} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
            {disabled ? t('settings.users.disabled') : t('settings.users.active')}
          </Badge>
        </Group>
      </Group>
      {!isOwner && (
        <Group gap="xs" wrap="wrap" mt="xs" align="end">
          <Button
            size="xs"
            variant="default"
            loading={update.isPending}
            onClick={() => update.mutate({ id: user.id, status: disabled ? 'active' : 'disabled' })}
          >
            {disabled ? t('settings.users.enable') : t('settings.users.disable')}
          </Button>
          <PasswordInput
            size="xs"
            placeholder={t('settings.users.newPassword')}
            aria-label={t('settings.users.newPassword')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            style={{ flex: '1 1 180px', minWidth: 0 }}
          />
          <Button
            size="xs"
            variant="light"
            disabled={password.length < 8}
            onClick={() => update.mutate({ id: user.id, password }, { onSuccess: () => setPassword('') })}
          >
            {t('settings.users.resetPassword')}
          </Button>
        </Group>
      )}
      {update.isError && <ErrorAlert error={update.error} />}
    </Paper>
  );
}

export function UsersSettings() {
  const { t } = useTranslation();
  const users = useQuery(usersQueryOptions());
  const settings = useQuery(crmSettingsQueryOptions());
  const updateSettings = useUpdateCrmSettings();
  const invite = useInviteUser();
  const [draft, setDraft] = useState({ name: '', email: '', role: 'manager', password: '' });

  return (
    <Stack gap="sm">
      <Title order={4}>{t('settings.users.title')}</Title>
      <Switch
        label={t('settings.users.managersSeeAll')}
        description={t('settings.users.managersSeeAllHint')}
        checked={settings.data?.managersSeeAll ?? false}
        disabled={settings.isPending || updateSettings.isPending}
        onChange={(event) => updateSettings.mutate({ managersSeeAll: event.currentTarget.checked })}
      />
      {updateSettings.isError && <ErrorAlert error={updateSettings.error} />}
      {users.isError && <ErrorAlert error={users.error} />}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('settings.users.title')}>
        {(users.data ?? []).map((user) => (
          <UserRow key={user.id} user={user} />
        ))}
      </Stack>
      <Title order={5}>{t('settings.users.invite')}</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate(draft, { onSuccess: () => setDraft({ name: '', email: '', role: 'manager', password: '' }) });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            size="xs"
            required
            label={t('settings.users.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            required
            type="email"
            label={t('auth.email')}
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
          />
          <Select
            size="xs"
            label={t('settings.users.role')}
            allowDeselect={false}
            value={draft.role}
            onChange={(role) => setDraft({ ...draft, role: role ?? 'manager' })}
            data={[
              { value: 'manager', label: t('roles.manager') },
              { value: 'rop', label: t('roles.rop') },
            ]}
          />
          <PasswordInput
            size="xs"
            required
            label={t('auth.password')}
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Button size="xs" type="submit" mt="xs" loading={invite.isPending}>
          {t('settings.users.add')}
        </Button>
        {invite.isError && <ErrorAlert error={invite.error} />}
      </form>
    </Stack>
  );
}
