import { Checkbox, PasswordInput, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export interface EndpointValues {
  baseUrl: string;
  model: string;
  apiKey: string;
  clearApiKey: boolean;
}

/** Base URL, model and a write-only key ("set" / "not set", never shown). */
export function EndpointFields<T extends EndpointValues>({
  form,
  apiKeySet,
}: {
  form: UseFormReturnType<T>;
  apiKeySet: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('transcription.baseUrl')}
          placeholder="https://api.openai.com/v1"
          inputMode="url"
          {...form.getInputProps('baseUrl')}
        />
        <TextInput label={t('transcription.model')} {...form.getInputProps('model')} />
        <PasswordInput
          label={t('transcription.apiKey')}
          description={apiKeySet ? t('transcription.apiKeySet') : t('transcription.apiKeyNotSet')}
          autoComplete="new-password"
          data-testid="transcription-key"
          {...form.getInputProps('apiKey')}
        />
      </SimpleGrid>
      {apiKeySet && (
        <Checkbox
          mih={44}
          styles={{ body: { alignItems: 'center', minHeight: 44 } }}
          label={t('transcription.clearApiKey')}
          {...form.getInputProps('clearApiKey', { type: 'checkbox' })}
        />
      )}
    </>
  );
}

export const URL_PATTERN = /^https?:\/\/\S+$/;
