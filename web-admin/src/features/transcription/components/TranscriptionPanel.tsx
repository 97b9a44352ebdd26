import { Alert, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import {
  useSaveTenantTranscription,
  useTenantTranscription,
  type TenantTranscription,
  type TranscriptionMode,
} from '../api/transcription';
import { EndpointFields, URL_PATTERN, type EndpointValues } from './EndpointFields';

/** A company's voice-note transcription: the platform default, its own endpoint, or off (ADR 033). */
export function TranscriptionPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const setting = useTenantTranscription(tenantId);
  return (
    <Paper withBorder p="md" data-testid="tenant-transcription">
      <Stack gap="xs">
        <Title order={4}>{t('transcription.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('transcription.tenantHint')}
        </Text>
        {setting.isPending && <Loader size="sm" />}
        {setting.isError && <ActionError error={setting.error} title={t('transcription.loadFailed')} />}
        {setting.isSuccess && <TenantForm tenantId={tenantId} view={setting.data} />}
      </Stack>
    </Paper>
  );
}

interface Values extends EndpointValues {
  mode: TranscriptionMode;
}

function valuesOf(view: TenantTranscription): Values {
  return { mode: view.mode, baseUrl: view.baseUrl ?? '', model: view.model ?? '', apiKey: '', clearApiKey: false };
}

function TenantForm({ tenantId, view }: { tenantId: string; view: TenantTranscription }) {
  const { t } = useTranslation();
  const save = useSaveTenantTranscription(tenantId);
  const form = useForm<Values>({
    initialValues: valuesOf(view),
    validate: {
      baseUrl: (v, all) =>
        all.mode === 'OWN' && !URL_PATTERN.test(v.trim()) ? t('transcription.validation.baseUrl') : null,
      model: (v, all) => (all.mode === 'OWN' && v.trim() === '' ? t('transcription.validation.model') : null),
    },
  });
  const submit = form.onSubmit((v) => {
    const body: Parameters<typeof save.mutate>[0] = { mode: v.mode };
    if (v.mode === 'OWN') {
      body.baseUrl = v.baseUrl.trim();
      body.model = v.model.trim();
      if (v.apiKey.trim() !== '') body.apiKey = v.apiKey.trim();
      if (v.clearApiKey) body.clearApiKey = true;
    }
    save.mutate(body, {
      onSuccess: (saved) => {
        form.setValues(valuesOf(saved));
        form.resetDirty(valuesOf(saved));
      },
    });
  });
  const effective = view.effective;
  return (
    <form onSubmit={submit} aria-label={t('transcription.title')} noValidate>
      <Stack>
        <SegmentedControl
          aria-label={t('transcription.mode')}
          fullWidth
          data={(['DEFAULT', 'OWN', 'OFF'] as const).map((m) => ({ value: m, label: t(`transcription.modes.${m}`) }))}
          {...form.getInputProps('mode')}
        />
        {form.values.mode === 'OWN' && <EndpointFields form={form} apiKeySet={view.apiKeySet} />}
        <Text size="sm" data-testid="transcription-effective">
          {effective.source === 'NONE'
            ? t('transcription.effective.NONE')
            : t(`transcription.effective.${effective.source}`, { model: effective.model ?? '' })}
        </Text>
        {save.isError && <ActionError error={save.error} title={t('transcription.saveFailed')} />}
        {save.isSuccess && !form.isDirty() && (
          <Alert color="green" variant="light" role="status">
            {t('transcription.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('transcription.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
