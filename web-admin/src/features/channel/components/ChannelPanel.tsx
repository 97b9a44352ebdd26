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
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import type { ChannelView, Provider } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/format';
import { useChannel, useRotateSecret, useSaveChannel, useTestChannel } from '../api/channel';
import { isProvider, PROVIDER_KEYS, PROVIDERS } from '../providers';

const TEST_RESULTS = ['CONFIGURED', 'ACCEPTED', 'REJECTED', 'UNKNOWN'] as const;

function isTestResult(value: string | undefined): value is (typeof TEST_RESULTS)[number] {
  return (TEST_RESULTS as readonly (string | undefined)[]).includes(value);
}

export function ChannelPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const channel = useChannel(tenantId);
  if (channel.isPending) return <Loader size="sm" />;
  if (channel.isError) return <ActionError error={channel.error} title={t('channel.loadFailed')} />;
  return <ChannelForm tenantId={tenantId} view={channel.data} />;
}

export function ChannelForm({ tenantId, view }: { tenantId: string; view: ChannelView | null }) {
  const { t, i18n } = useTranslation();
  const save = useSaveChannel(tenantId);
  const rotate = useRotateSecret(tenantId);
  const test = useTestChannel(tenantId);
  // A company without a channel has no provider chosen: nothing is pre-selected as if it were set.
  const [provider, setProvider] = useState<Provider | null>(isProvider(view?.provider) ? view.provider : null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [testPhone, setTestPhone] = useState('');
  const [testText, setTestText] = useState('');
  const stored: Record<string, string> = view && view.provider === provider ? (view.settings ?? {}) : {};
  /** The sandbox has no provider behind it, so no webhook to paste anywhere. */
  const hasWebhook = view !== null && view.provider !== 'sandbox' && Boolean(view.webhookUrl);

  useEffect(() => setValues({}), [provider, view]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (provider === null) return;
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
          {view === null && (
            <Alert color="gray" variant="light" title={t('channel.notConnected')} data-testid="channel-not-connected">
              {t('channel.notConnectedHint')}
            </Alert>
          )}
          <Title order={4}>{t('channel.provider')}</Title>
          <Radio.Group
            aria-label={t('channel.provider')}
            value={provider}
            onChange={(value) => {
              if (isProvider(value)) setProvider(value);
            }}
          >
            <Group gap="xs">
              {PROVIDER_KEYS.map((key) => (
                <Radio.Card
                  key={key}
                  value={key}
                  radius="md"
                  p="sm"
                  w="auto"
                  miw={44}
                  mih={44}
                  aria-label={t(`channel.providers.${key}`)}
                >
                  <Group gap="xs" wrap="nowrap">
                    <Radio.Indicator />
                    <Text size="sm">
                      {t(`channel.providers.${key}`)}
                      {view?.provider === key ? ` · ${t('channel.current')}` : ''}
                    </Text>
                  </Group>
                </Radio.Card>
              ))}
            </Group>
          </Radio.Group>
          {provider !== null && (
            <Text size="sm" c="dimmed">
              {t(`channel.providerHint.${provider}`)}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(provider === null ? [] : PROVIDERS[provider]).map((field) => {
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
          <Group>
            <Button type="submit" loading={save.isPending} disabled={provider === null} mih={44}>
              {view === null && provider !== null ? t('channel.connect') : t('channel.save')}
            </Button>
          </Group>
          {save.isError && <ActionError error={save.error} title={t('channel.saveFailed')} />}
          {save.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('channel.saved')}
            </Alert>
          )}
        </Stack>
      </form>

      {view && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            {hasWebhook ? (
              <>
                <Title order={4}>{t('channel.webhook')}</Title>
                <Group gap="xs" wrap="nowrap">
                  <Code style={{ wordBreak: 'break-all' }} data-testid="webhook-url">
                    {view.webhookUrl}
                  </Code>
                  <CopyButton value={view.webhookUrl ?? ''}>
                    {({ copied, copy }) => (
                      <Tooltip label={copied ? t('channel.copied') : t('channel.copy')}>
                        <ActionIcon variant="light" onClick={copy} aria-label={t('channel.copy')} size={44}>
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
                {rotate.isError && <ActionError error={rotate.error} />}
              </>
            ) : (
              <Text size="sm" c="dimmed" data-testid="no-webhook">
                {t('channel.noWebhook')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
              {test.isError && <ActionError error={test.error} />}
              {test.data && (
                <Alert
                  color={test.data.result === 'CONFIGURED' || test.data.result === 'ACCEPTED' ? 'green' : 'orange'}
                  role="status"
                >
                  {isTestResult(test.data.result)
                    ? t(`channel.testResult.${test.data.result}`)
                    : t('channel.testResult.other')}
                  {test.data.detail && i18n.language === 'en' ? `: ${test.data.detail}` : ''}
                </Alert>
              )}
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
