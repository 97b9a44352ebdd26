import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Text, Textarea, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { useSendMessage } from '../api/conversation';
import { useSendTemplate, windowQueryOptions } from '../api/window';

/**
 * Writes to the client on WhatsApp as the signed-in user: text, or a photo with an optional caption. Enter (or
 * Ctrl+Enter) sends, Shift+Enter starts a new line; the input's 16 px text keeps iOS from zooming in.
 */
export function Composer({ leadId }: { leadId: number }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const send = useSendMessage(leadId);
  const sessionWindow = useQuery(windowQueryOptions(leadId));
  // past WhatsApp's 24-hour window (Meta) a free text would never arrive: say so before anyone types
  const closed = sessionWindow.data?.freeText === false;
  const canSend = !closed && (text.trim() !== '' || file !== null) && !send.isPending;

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
      {closed && <WindowClosedNotice leadId={leadId} template={sessionWindow.data?.template ?? null} />}
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
              <ActionIcon {...props} disabled={closed} variant="default" size={44} aria-label={t('chat.attachPhoto')}>
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
          placeholder={closed ? t('chat.window.placeholder') : t('chat.placeholder')}
          aria-label={t('chat.placeholder')}
          disabled={closed}
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

/** Why a free text cannot go now, and the approved template the manager can send instead. */
function WindowClosedNotice({
  leadId,
  template,
}: {
  leadId: number;
  template: { name: string; preview?: string | null; missing?: string | null } | null;
}) {
  const { t } = useTranslation();
  const sendTemplate = useSendTemplate(leadId);
  return (
    <Alert
      color="yellow"
      variant="light"
      role="status"
      mb="xs"
      title={t('chat.window.title')}
      data-testid="window-closed"
    >
      <Text size="sm">{t('chat.window.explain')}</Text>
      {template?.preview ? (
        <>
          <Text size="sm" mt="xs" fs="italic" style={{ overflowWrap: 'anywhere' }}>
            «{template.preview}»
          </Text>
          <Button
            mt="xs"
            mih={44}
            loading={sendTemplate.isPending}
            onClick={() => sendTemplate.mutate()}
            data-testid="send-template"
          >
            {t('chat.window.sendTemplate')}
          </Button>
          {sendTemplate.isError && <ErrorAlert error={sendTemplate.error} title={t('chat.sendFailed')} />}
        </>
      ) : (
        <Text size="sm" mt="xs">
          {template ? t('chat.window.unfillable') : t('chat.window.noTemplate')}
        </Text>
      )}
    </Alert>
  );
}
