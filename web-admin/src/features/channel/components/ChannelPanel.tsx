import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Paper,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { ChannelView, Provider } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/format';
import { useChannel, useRotateSecret, useSaveChannel, useTestChannel } from '../api/channel';
import { isProvider, PROVIDER_KEYS, PROVIDERS } from '../providers';

export function ChannelPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const channel = useChannel(tenantId);
  if (channel.isPending) return <Loader size="sm" />;
  if (channel.isError) return <ErrorAlert error={channel.error} title={t('channel.loadFailed')} />;
  return <ChannelForm tenantId={tenantId} view={channel.data} />;
}

export function ChannelForm({ tenantId, view }: { tenantId: string; view: ChannelView | null }) {
  const { t, i18n } = useTranslation();
  const save = useSaveChannel(tenantId);
  const rotate = useRotateSecret(tenantId);
  const test = useTestChannel(tenantId);
  const [provider, setProvider] = useState<Provider>(isProvider(view?.provider) ? view.provider : 'sandbox');
  const [values, setValues] = useState<Record<string, string>>({});
  const [testPhone, setTestPhone] = useState('');
  const [testText, setTestText] = useState('');
  const stored: Record<string, string> = view?.provider === provider ? (view.settings ?? {}) : {};

  useEffect(() => setValues({}), [provider, view]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const settings: Record<string, string> = {};
    for (const field of PROVIDERS[provider]) {
      const typed = values[field.key];
      if (typed !== undefined && typed !== '') settings[field.key] = typed;
      else if (!field.secret && stored[field.key] !== undefined) settings[field.key] = stored[field.key] ?? '';
    }
    save.mutate({ provider, settings });
  }

  return (
    <Stack>
      <form onSubmit={submit} aria-label={t('channel.formLabel')}>
        <Stack>
          <Title order={4}>{t('channel.provider')}</Title>
          <SegmentedControl
            aria-label={t('channel.provider')}
            value={provider}
            onChange={(value) => {
              if (isProvider(value)) setProvider(value);
            }}
            data={PROVIDER_KEYS.map((key) => ({ value: key, label: t(`channel.providers.${key}`) }))}
          />
          <Text size="sm" c="dimmed">
            {t(`channel.providerHint.${provider}`)}
          </Text>
          <SimpleGrid cols={2}>
            {PROVIDERS[provider].map((field) => {
              const label = t(`channel.fields.${field.key}`);
              const current = stored[field.key];
              return field.secret ? (
                <PasswordInput
                  key={field.key}
                  label={label}
                  withAsterisk={field.required && current === undefined}
                  description={current ? t('channel.secretSet', { mask: current }) : t('channel.secretNotSet')}
                  placeholder={current ?? ''}
                  value={values[field.key] ?? ''}
                  onChange={(e) => setValues({ ...values, [field.key]: e.currentTarget.value })}
                  autoComplete="new-password"
                />
              ) : (
                <TextInput
                  key={field.key}
                  label={label}
                  withAsterisk={field.required}
                  value={values[field.key] ?? current ?? ''}
                  onChange={(e) => setValues({ ...values, [field.key]: e.currentTarget.value })}
                />
              );
            })}
          </SimpleGrid>
          {save.isError && <ErrorAlert error={save.error} title={t('channel.saveFailed')} />}
          {save.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('channel.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('channel.save')}
            </Button>
          </Group>
        </Stack>
      </form>

      {view && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={4}>{t('channel.webhook')}</Title>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all' }} data-testid="webhook-url">
                {view.webhookUrl}
              </Code>
              <CopyButton value={view.webhookUrl ?? ''}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('channel.copied') : t('channel.copy')}>
                    <ActionIcon variant="light" onClick={copy} aria-label={t('channel.copy')}>
                      {copied ? '✓' : '⧉'}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Group>
              <Button
                variant="light"
                color="orange"
                loading={rotate.isPending}
                onClick={() => {
                  if (window.confirm(t('channel.rotateConfirm'))) rotate.mutate();
                }}
              >
                {t('channel.rotate')}
              </Button>
            </Group>
            {rotate.isError && <ErrorAlert error={rotate.error} />}
            <SimpleGrid cols={2}>
              <Text size="sm">
                {t('channel.lastInbound')}: {formatDateTime(view.lastInboundAt, i18n.language)}
              </Text>
              <Text size="sm" c={view.lastError ? 'red' : undefined}>
                {t('channel.lastError')}:{' '}
                {view.lastError ? `${view.lastError} (${formatDateTime(view.lastErrorAt, i18n.language)})` : '—'}
              </Text>
            </SimpleGrid>
          </Stack>
        </Paper>
      )}

      {view && (
        <Paper withBorder p="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              test.mutate(testPhone.trim() === '' ? {} : { phone: testPhone.trim(), text: testText || undefined });
            }}
          >
            <Stack gap="xs">
              <Title order={4}>{t('channel.test')}</Title>
              <Text size="sm" c="dimmed">
                {t('channel.testHint')}
              </Text>
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('channel.testPhone')}
                  value={testPhone}
                  onChange={(e) => setTestPhone(e.currentTarget.value)}
                />
                <TextInput
                  label={t('channel.testText')}
                  value={testText}
                  onChange={(e) => setTestText(e.currentTarget.value)}
                />
              </SimpleGrid>
              <Group>
                <Button type="submit" variant="light" loading={test.isPending}>
                  {t('channel.testRun')}
                </Button>
              </Group>
              {test.isError && <ErrorAlert error={test.error} />}
              {test.data && (
                <Alert
                  color={test.data.result === 'ok' || test.data.result === 'sent' ? 'green' : 'orange'}
                  role="status"
                >
                  {test.data.result}
                  {test.data.detail ? `: ${test.data.detail}` : ''}
                </Alert>
              )}
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
