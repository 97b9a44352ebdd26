import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { StagesSettings } from './StagesSettings';
import { UsersSettings } from './UsersSettings';
import { AssignmentSettings } from './AssignmentSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const tab = search.get('tab');
  return (
    <Tabs defaultValue={tab === 'users' || tab === 'assignment' ? tab : 'stages'} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="stages">{t('settings.stages.title')}</Tabs.Tab>
        <Tabs.Tab value="users">{t('settings.users.title')}</Tabs.Tab>
        <Tabs.Tab value="assignment">{t('settings.assignment.tab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="stages" pt="md">
        <StagesSettings />
      </Tabs.Panel>
      <Tabs.Panel value="users" pt="md">
        <UsersSettings />
      </Tabs.Panel>
      <Tabs.Panel value="assignment" pt="md">
        <AssignmentSettings />
      </Tabs.Panel>
    </Tabs>
  );
}
