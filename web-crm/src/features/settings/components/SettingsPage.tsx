import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StagesSettings } from './StagesSettings';
import { UsersSettings } from './UsersSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="stages" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="stages">{t('settings.stages.title')}</Tabs.Tab>
        <Tabs.Tab value="users">{t('settings.users.title')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="stages" pt="md">
        <StagesSettings />
      </Tabs.Panel>
      <Tabs.Panel value="users" pt="md">
        <UsersSettings />
      </Tabs.Panel>
    </Tabs>
  );
}
