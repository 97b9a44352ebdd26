import { Alert, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useApi } from '../app/AppProviders';
import { useSession } from '../app/useSession';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ApiError } from '../lib/errors';
import { fieldGuard, isEmail } from '../lib/loginForm';
import { describeFieldProblem } from '../lib/problems';
import type { Tokens } from '../lib/session';
import { useRetryCountdown } from './useRetryCountdown';

/** What the login form sends; `tenant` (the company's slug) only where the app asks for it. */
export interface LoginCredentials {
  tenant?: string;
  email: string;
  password: string;
}

export interface LoginPageProps<C extends LoginCredentials> {
  /** Signs in at the app's endpoint; the access token it answers starts the session. */
  login: (credentials: C) => Promise<Tokens>;
  /** Shown dimmed after the product name (the operator console names itself). */
  appLabel?: string;
  /** The CRM asks for the company first: the field's texts in the current language. */
  tenant?: { label: string; description: string; requiredMessage: string };
}

const WITH_TENANT = fieldGuard<keyof LoginCredentials>(['tenant', 'email', 'password']);
const WITHOUT_TENANT = fieldGuard<keyof LoginCredentials>(['email', 'password']);

/** The sign-in screen of both apps: the form, rate-limit countdown, expired-session notice and server field errors. */
export function LoginPage<C extends LoginCredentials>({ login: signIn, appLabel, tenant }: LoginPageProps<C>) {
  const { t, i18n } = useTranslation();
  const { session } = useApi();
  const { tokens, expired } = useSession();
  const location = useLocation();
  const login = useMutation({ mutationFn: signIn, onSuccess: (answer) => session.save(answer) });
  const retry = useRetryCountdown();
  const isField = tenant ? WITH_TENANT : WITHOUT_TENANT;
  const form = useForm<Required<LoginCredentials>>({
    initialValues: { tenant: '', email: '', password: '' },
    validate: {
      tenant: (value) => (tenant && value.trim() === '' ? tenant.requiredMessage : null),
      email: (value) => (isEmail(value) ? null : t('auth.validation.emailInvalid')),
      password: (value) => (value === '' ? t('auth.validation.passwordRequired') : null),
    },
  });

  if (tokens !== null) {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={typeof from === 'string' ? from : '/'} replace />;
  }

  const submit = form.onSubmit((values) => {
    const credentials = tenant
      ? { tenant: values.tenant.trim().toLowerCase(), email: values.email.trim(), password: values.password }
      : { email: values.email.trim(), password: values.password };
    login.mutate(credentials as C, {
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        if (error.status === 429) retry.start(error.retryAfterSeconds ?? 60);
        for (const problem of error.problem.errors) {
          if (isField(problem.field)) {
            form.setFieldError(problem.field, describeFieldProblem(problem.message, t, i18n.language));
          }
        }
      },
    });
  });

  const error = login.error;
  const rateLimited = error instanceof ApiError && error.status === 429;
  const unplacedFieldErrors =
    error instanceof ApiError ? error.problem.errors.filter((problem) => !isField(problem.field)) : [];

  return (
    <Container size={440} py="xl">
      <Group justify="space-between" mb="lg">
        <Text fw={700} size="lg">
          {t('app.name')}
          {appLabel !== undefined && (
            <>
              {' '}
              <Text span c="dimmed" fw={400}>
                {appLabel}
              </Text>
            </>
          )}
        </Text>
        <LanguageSwitch />
      </Group>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={2} size="h3">
                {t('auth.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('auth.subtitle')}
              </Text>
            </div>
            {expired && error === null && (
              <Alert color="yellow" variant="light" role="status">
                {t('auth.sessionExpired')}
              </Alert>
            )}
            {rateLimited && retry.secondsLeft > 0 && (
              <Alert color="orange" variant="light" role="alert">
                {t('errors.tooManyAttempts', { seconds: retry.secondsLeft })}
              </Alert>
            )}
            {error !== null && !rateLimited && (
              <ErrorAlert
                error={error}
                title={t('auth.failed')}
                extra={unplacedFieldErrors}
                words={{ unauthorized: t('auth.badCredentials') }}
              />
            )}
            {tenant && (
              <TextInput
                label={tenant.label}
                description={tenant.description}
                autoComplete="organization"
                autoCapitalize="none"
                required
                {...form.getInputProps('tenant')}
              />
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending} disabled={rateLimited && retry.secondsLeft > 0}>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
