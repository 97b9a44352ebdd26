import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLogout } from './useLogout';

export function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button variant="default" size="xs" loading={logout.isPending} onClick={() => logout.mutate()}>
      {t('auth.logout')}
    </Button>
  );
}
