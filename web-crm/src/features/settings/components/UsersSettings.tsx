import {
  Badge,
  Button,
  Group,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Table,
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
    <Table.Tr data-testid="user-row">
      <Table.Td>
        <Text size="sm" fw={600}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed">
          {user.email}
        </Text>
        {update.isError && <ErrorAlert error={update.error} />}
      </Table.Td>
      <Table.Td>{roleLabel(user.role, t)}</Table.Td>
      <Table.Td>
        <Badge color={disabled ? 'gray' : 'green'} variant="light">
          {disabled ? t('settings.users.disabled') : t('settings.users.active')}
        </Badge>
      </Table.Td>
      <Table.Td>
        {!isOwner && (
          <Group gap="xs" wrap="nowrap">
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
              w={150}
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
      </Table.Td>
    </Table.Tr>
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
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Tbody>
            {(users.data ?? []).map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={5}>{t('settings.users.invite')}</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate(draft, { onSuccess: () => setDraft({ name: '', email: '', role: 'manager', password: '' }) });
        }}
      >
        <Group gap="xs" align="end" wrap="wrap">
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
          <Button size="xs" type="submit" loading={invite.isPending}>
            {t('settings.users.add')}
          </Button>
        </Group>
        {invite.isError && <ErrorAlert error={invite.error} />}
      </form>
    </Stack>
  );
}
