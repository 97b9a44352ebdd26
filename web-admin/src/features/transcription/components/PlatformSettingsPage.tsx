import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import {
  usePlatformTranscription,
  useSavePlatformTranscription,
  type PlatformTranscription,
} from '../api/transcription';
import { EndpointFields, URL_PATTERN, type EndpointValues } from './EndpointFields';

/** Platform-wide settings of the operator console: for now, voice-note transcription (ADR 033). */
export function PlatformSettingsPage() {
  const { t } = useTranslation();
  const setting = usePlatformTranscription();
  return (
    <Stack>
      <Title order={2}>{t('settings.title')}</Title>
      <Paper withBorder p="md" data-testid="platform-transcription">
        <Stack gap="xs">
          <Title order={4}>{t('transcription.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('transcription.platformHint')}
          </Text>
          {setting.isPending && <Loader size="sm" />}
          {setting.isError && <ActionError error={setting.error} title={t('transcription.loadFailed')} />}
          {setting.isSuccess && <PlatformForm view={setting.data} />}
        </Stack>
      </Paper>
    </Stack>
  );
}

function valuesOf(view: PlatformTranscription): EndpointValues {
  return { baseUrl: view.baseUrl ?? '', model: view.model ?? '', apiKey: '', clearApiKey: false };
}

function PlatformForm({ view }: { view: PlatformTranscription }) {
  const { t } = useTranslation();
  const save = useSavePlatformTranscription();
  const form = useForm<EndpointValues>({
    initialValues: valuesOf(view),
    validate: {
      baseUrl: (v) => (!URL_PATTERN.test(v.trim()) ? t('transcription.validation.baseUrl') : null),
      model: (v) => (v.trim() === '' ? t('transcription.validation.model') : null),
    },
  });
  const done = (saved: PlatformTranscription) => {
    form.setValues(valuesOf(saved));
    form.resetDirty(valuesOf(saved));
  };
  const submit = form.onSubmit((v) => {
    const body: Parameters<typeof save.mutate>[0] = { baseUrl: v.baseUrl.trim(), model: v.model.trim() };
    if (v.apiKey.trim() !== '') body.apiKey = v.apiKey.trim();
    if (v.clearApiKey) body.clearApiKey = true;
    save.mutate(body, { onSuccess: done });
  });
  return (
    <form onSubmit={submit} aria-label={t('transcription.title')} noValidate>
      <Stack>
        <Text size="sm" data-testid="transcription-state">
          {view.configured
            ? t('transcription.platformOn', { model: view.model ?? '' })
            : t('transcription.platformOff')}
        </Text>
        <EndpointFields form={form} apiKeySet={view.apiKeySet} />
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
          {view.configured && (
            <Button
              variant="light"
              color="red"
              loading={save.isPending}
              onClick={() => {
                if (window.confirm(t('transcription.removeConfirm'))) {
                  save.mutate({ baseUrl: '', model: '' }, { onSuccess: done });
                }
              }}
            >
              {t('transcription.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
