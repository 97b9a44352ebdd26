import { LoginPage as SharedLoginPage } from '@buildcrm/web-shared/auth/LoginPage';
import { useTranslation } from 'react-i18next';
import { login } from '../api/login';

/** Operators sign in with email and password; the page names the console. */
export function LoginPage() {
  const { t } = useTranslation();
  return <SharedLoginPage login={login} appLabel={t('app.console')} />;
}
