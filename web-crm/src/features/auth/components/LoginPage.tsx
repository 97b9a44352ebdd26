import { Alert, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { ApiError } from '@shared/lib/errors';
import { fieldGuard, isEmail } from '@shared/lib/loginForm';
import { useSession } from '../../../lib/useSession';
import { useLogin, type LoginRequest } from '../api/login';
import { useRetryCountdown } from '../hooks/useRetryCountdown';

const isField = fieldGuard<keyof LoginRequest>(['tenant', 'email', 'password']);

export function LoginPage() {
  const { t } = useTranslation();
  const { tokens, expired } = useSession();
  const location = useLocation();
  const login = useLogin();
  const retry = useRetryCountdown();
  const form = useForm<LoginRequest>({
    initialValues: { tenant: '', email: '', password: '' },
    validate: {
      tenant: (value) => (value.trim() === '' ? t('auth.validation.tenantRequired') : null),
      email: (value) => (isEmail(value) ? null : t('auth.validation.emailInvalid')),
      password: (value) => (value === '' ? t('auth.validation.passwordRequired') : null),
    },
  });

  if (tokens !== null) {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={typeof from === 'string' ? from : '/'} replace />;
  }

  const submit = form.onSubmit((values) => {
    login.mutate(
      { tenant: values.tenant.trim().toLowerCase(), email: values.email.trim(), password: values.password },
      {
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.status === 429) retry.start(error.retryAfterSeconds ?? 60);
          for (const problem of error.problem.errors) {
            if (isField(problem.field)) form.setFieldError(problem.field, problem.message);
          }
        },
      },
    );
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
              <ErrorAlert error={error} title={t('auth.failed')} extra={unplacedFieldErrors} />
            )}
            <TextInput
              label={t('auth.tenant')}
              description={t('auth.tenantHint')}
              autoComplete="organization"
              autoCapitalize="none"
              required
              {...form.getInputProps('tenant')}
            />
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
