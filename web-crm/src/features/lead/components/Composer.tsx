import { ActionIcon, Anchor, FileButton, Group, Text, Textarea, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { useSendMessage } from '../api/conversation';

/**
 * Writes to the client on WhatsApp as the signed-in user: text, or a photo with an optional caption. Enter (or
 * Ctrl+Enter) sends, Shift+Enter starts a new line; the input's 16 px text keeps iOS from zooming in.
 */
export function Composer({ leadId }: { leadId: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const send = useSendMessage(leadId);
  const canSend = (text.trim() !== '' || file !== null) && !send.isPending;

  function submit() {
    if (!canSend) return;
    send.mutate(
      { text, file },
      {
        onSuccess: () => {
          setText('');
          setFile(null);
        },
      },
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {send.isError && <ErrorAlert error={send.error} title={t('chat.sendFailed')} />}
      {file && (
        <Text size="xs" c="dimmed">
          📎 {file.name}{' '}
          <Anchor component="button" type="button" size="xs" onClick={() => setFile(null)}>
            {t('chat.removeFile')}
          </Anchor>
        </Text>
      )}
      <Group gap="xs" align="end" wrap="nowrap">
        <FileButton onChange={setFile} accept="image/*">
          {(props) => (
            <Tooltip label={t('chat.attachPhoto')}>
              <ActionIcon {...props} variant="default" size={44} aria-label={t('chat.attachPhoto')}>
                📷
              </ActionIcon>
            </Tooltip>
          )}
        </FileButton>
        <Textarea
          style={{ flex: 1 }}
          size="md"
          autosize
          minRows={1}
          maxRows={5}
          placeholder={t('chat.placeholder')}
          aria-label={t('chat.placeholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <ActionIcon type="submit" size={44} disabled={!canSend} loading={send.isPending} aria-label={t('chat.send')}>
          ➤
        </ActionIcon>
      </Group>
    </form>
  );
}
