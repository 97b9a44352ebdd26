import { LoginPage as SharedLoginPage } from '@buildcrm/web-shared/auth/LoginPage';
import { useTranslation } from 'react-i18next';
import { login } from '../api/login';

/** A company's users sign in with the company's code (its slug), their email and password. */
export function LoginPage() {
  const { t } = useTranslation();
  return (
    <SharedLoginPage
      login={login}
      tenant={{
        label: t('auth.tenant'),
        description: t('auth.tenantHint'),
        requiredMessage: t('auth.validation.tenantRequired'),
      }}
    />
  );
}
