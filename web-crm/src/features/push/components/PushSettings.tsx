import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { PushPreferences } from '../../../lib/api/types';
import {
  deviceQueryOptions,
  preferencesQueryOptions,
  pushSupported,
  PushUnavailableError,
  useDevicePush,
  useUpdatePreferences,
} from '../api/push';

const KINDS: (keyof PushPreferences)[] = ['assigned', 'clientWaiting', 'callSoon', 'hotLead'];

/** «Уведомления на этом устройстве»: Web Push for this browser, and which events a person wants pushed. */
export function PushSettings() {
  const { t } = useTranslation();
  const device = useQuery(deviceQueryOptions());
  const preferences = useQuery(preferencesQueryOptions());
  const toggle = useDevicePush();
  const update = useUpdatePreferences();
  const supported = pushSupported();
  const on = toggle.isPending ? toggle.variables : (device.data ?? false);

  return (
    <Card withBorder maw={560} data-testid="push-settings">
      <Stack gap="sm">
        <Title order={4}>{t('push.title')}</Title>
        {!supported && (
          <Alert color="gray" variant="light">
            {t('push.unsupported')}
          </Alert>
        )}
        <Switch
          size="md"
          label={t('push.device')}
          description={t('push.deviceHint')}
          checked={on}
          disabled={!supported || device.isPending || toggle.isPending}
          onChange={(event) => toggle.mutate(event.currentTarget.checked)}
          styles={{ body: { minHeight: 44, alignItems: 'center' } }}
        />
        {toggle.isError &&
          (toggle.error instanceof PushUnavailableError ? (
            <Alert color="orange" variant="light" role="alert">
              {t(`push.errors.${toggle.error.reason}`)}
            </Alert>
          ) : (
            <ErrorAlert error={toggle.error} title={t('push.failed')} />
          ))}
        <Text size="sm" fw={600}>
          {t('push.kindsTitle')}
        </Text>
        {preferences.isError && <ErrorAlert error={preferences.error} />}
        {KINDS.map((kind) => (
          <Switch
            key={kind}
            size="md"
            label={t(`push.kinds.${kind}`)}
            checked={preferences.data?.[kind] ?? true}
            disabled={!preferences.data}
            onChange={(event) =>
              preferences.data && update.mutate({ ...preferences.data, [kind]: event.currentTarget.checked })
            }
            styles={{ body: { minHeight: 44, alignItems: 'center' } }}
          />
        ))}
        {update.isError && <ErrorAlert error={update.error} title={t('push.failed')} />}
      </Stack>
    </Card>
  );
}
