import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  Loader,
  NumberInput,
  Paper,
  PasswordInput,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import type { AiView } from '../../../lib/api/types';
import { usePackName } from '../../packs/api/packs';
import { useAi, useSaveAi, type AiRequest } from '../api/ai';

export function AiPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const ai = useAi(tenantId);
  if (ai.isPending) return <Loader size="sm" />;
  if (ai.isError) return <ActionError error={ai.error} title={t('ai.loadFailed')} />;
  return <AiForm tenantId={tenantId} view={ai.data} />;
}

interface Values {
  enabled: boolean;
  brain: 'rules' | 'llm';
  prompt: string;
  /** The reply pause, in seconds (the API takes milliseconds). */
  debounceSeconds: number;
  baseUrl: string;
  model: string;
  apiKey: string;
  clearApiKey: boolean;
  temperature: number;
}

function valuesOf(view: AiView): Values {
  return {
    enabled: view.enabled ?? false,
    brain: view.brain === 'llm' ? 'llm' : 'rules',
    prompt: view.prompt ?? '',
    debounceSeconds: (view.debounceMs ?? 4000) / 1000,
    baseUrl: view.llm?.baseUrl ?? '',
    model: view.llm?.model ?? '',
    apiKey: '',
    clearApiKey: false,
    temperature: view.llm?.temperature ?? 0.3,
  };
}

export function AiForm({ tenantId, view }: { tenantId: string; view: AiView }) {
  const { t } = useTranslation();
  const packName = usePackName();
  const save = useSaveAi(tenantId);
  const form = useForm<Values>({
    initialValues: valuesOf(view),
    validate: {
      baseUrl: (v, all) =>
        all.brain === 'llm' && !/^https?:\/\/\S+$/.test(v.trim()) ? t('ai.validation.baseUrl') : null,
      model: (v, all) => (all.brain === 'llm' && v.trim() === '' ? t('ai.validation.model') : null),
      temperature: (v) => (v < 0 || v > 2 ? t('ai.validation.temperature') : null),
      debounceSeconds: (v) => (v < 0 || v > 60 ? t('ai.validation.debounce') : null),
    },
  });

  const submit = form.onSubmit((v) => {
    const body: AiRequest = {
      enabled: v.enabled,
      brain: v.brain,
      prompt: v.prompt,
      debounceMs: Math.round(v.debounceSeconds * 1000),
      llm: { baseUrl: v.baseUrl.trim(), model: v.model.trim(), temperature: v.temperature },
    };
    if (v.apiKey.trim() !== '') body.llm.apiKey = v.apiKey.trim();
    if (v.clearApiKey) body.llm.clearApiKey = true;
    save.mutate(body, {
      onSuccess: (saved) => {
        form.setValues(valuesOf(saved));
        form.resetDirty(valuesOf(saved));
      },
    });
  });

  return (
    <form onSubmit={submit} aria-label={t('ai.formLabel')} noValidate>
      <Stack>
        <Switch label={t('ai.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('ai.brain')}
          </Text>
          <SegmentedControl
            aria-label={t('ai.brain')}
            data={[
              { value: 'rules', label: t('ai.brains.rules') },
              { value: 'llm', label: t('ai.brains.llm') },
            ]}
            {...form.getInputProps('brain')}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t(form.values.brain === 'llm' ? 'ai.brainHint.llm' : 'ai.brainHint.rules')}
          </Text>
        </div>
        {form.values.brain === 'llm' && (
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t('ai.llm')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('ai.baseUrl')}
                placeholder="https://api.openai.com/v1"
                {...form.getInputProps('baseUrl')}
              />
              <TextInput label={t('ai.model')} placeholder="gpt-4o-mini" {...form.getInputProps('model')} />
              <PasswordInput
                label={t('ai.apiKey')}
                description={
                  view.llm?.apiKeySet ? t('ai.apiKeySet', { mask: view.llm.apiKey ?? '' }) : t('ai.apiKeyNotSet')
                }
                placeholder={view.llm?.apiKey ?? ''}
                autoComplete="new-password"
                {...form.getInputProps('apiKey')}
              />
              <NumberInput
                label={t('ai.temperature')}
                min={0}
                max={2}
                step={0.1}
                decimalScale={2}
                {...form.getInputProps('temperature')}
              />
            </SimpleGrid>
            {view.llm?.apiKeySet && (
              <Checkbox
                mt="sm"
                label={t('ai.clearApiKey')}
                {...form.getInputProps('clearApiKey', { type: 'checkbox' })}
              />
            )}
          </Paper>
        )}
        <NumberInput
          label={t('ai.debounce')}
          description={t('ai.debounceHint')}
          min={0}
          max={60}
          step={0.5}
          decimalScale={1}
          suffix={` ${t('ai.seconds')}`}
          maw={260}
          {...form.getInputProps('debounceSeconds')}
        />
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label={t('ai.prompt')}
              description={t('ai.promptHint')}
              autosize
              minRows={12}
              maxRows={24}
              {...form.getInputProps('prompt')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Text size="sm" fw={500}>
              {t('ai.packPrompt', { pack: packName(view.pack) })}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('ai.packPromptHint')}
            </Text>
            <Paper withBorder p="sm" bg="gray.0">
              <ScrollArea h={300} viewportProps={{ tabIndex: 0, 'aria-label': t('ai.packPromptHint') }}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="pack-prompt">
                  {view.packPrompt || t('ai.packPromptEmpty')}
                </Text>
              </ScrollArea>
            </Paper>
          </Grid.Col>
        </Grid>
        {save.isError && <ActionError error={save.error} title={t('ai.saveFailed')} />}
        {save.isSuccess && !form.isDirty() && (
          <Alert color="green" variant="light" role="status">
            {t('ai.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('ai.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
