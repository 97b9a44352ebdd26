import { ActionIcon, Anchor, Box, Button, Group, Image, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { Message } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/time';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { flattenMessages, messagesQueryOptions } from '../api/conversation';
import { failureKey } from '../api/window';

const STATUS_ICON: Record<string, string> = {
  QUEUED: '🕓',
  SENT: '✓',
  DELIVERED: '✓✓',
  READ: '✓✓',
  FAILED: '⚠',
  UNKNOWN: '?',
};

const MISSING_KIND: Record<string, 'chat.image' | 'chat.voice' | 'chat.video' | 'chat.document'> = {
  IMAGE: 'chat.image',
  VOICE: 'chat.voice',
  AUDIO: 'chat.voice',
  VIDEO: 'chat.video',
  DOCUMENT: 'chat.document',
};

function MediaView({ message }: { message: Message }) {
  const { t } = useTranslation();
  const media = message.media;
  if (!media) {
    // an inbound photo, voice note or document whose file could not be fetched or kept: say so
    const kindKey = MISSING_KIND[message.kind ?? ''];
    if (message.direction === 'IN' && kindKey) {
      return (
        <Text size="sm" c="dimmed" fs="italic" title={message.error ?? undefined} data-testid="media-missing">
          {t('chat.mediaMissing', { kind: t(kindKey) })}
        </Text>
      );
    }
    return null;
  }
  const mime = media.mimeType ?? '';
  if (message.kind === 'IMAGE' || mime.startsWith('image/')) {
    return <Image src={media.url} alt={media.name ?? t('chat.image')} radius="sm" maw={260} fit="contain" />;
  }
  if (message.kind === 'VOICE' || message.kind === 'AUDIO' || mime.startsWith('audio/')) {
    return <audio controls preload="none" src={media.url} aria-label={t('chat.voice')} style={{ maxWidth: 260 }} />;
  }
  if (message.kind === 'VIDEO' || mime.startsWith('video/')) {
    return <video controls preload="none" src={media.url} style={{ maxWidth: 260 }} aria-label={t('chat.video')} />;
  }
  return (
    <Anchor href={media.url} target="_blank" rel="noreferrer" size="sm">
      📄 {media.name ?? t('chat.document')}
    </Anchor>
  );
}

/** Under a client's voice note: its transcript, or that nobody could listen to it (ADR 033). */
function TranscriptView({ message }: { message: Message }) {
  const { t } = useTranslation();
  if (message.transcription === 'DONE' && message.transcript) {
    return (
      <Text
        size="sm"
        fs="italic"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        data-testid="voice-transcript"
      >
        <Text span size="xs" c="dimmed" fs="normal">
          {t('chat.transcript')}:{' '}
        </Text>
        {message.transcript}
      </Text>
    );
  }
  if (message.transcription === 'FAILED' || message.transcription === 'OFF') {
    return (
      <Text size="xs" c="dimmed" fs="italic" data-testid="voice-untranscribed">
        {t('chat.notTranscribed')}
      </Text>
    );
  }
  return null;
}

/** Consecutive images of one author form an album, as WhatsApp shows them. */
type Item = { kind: 'one'; message: Message } | { kind: 'album'; messages: Message[] };

function group(messages: Message[]): Item[] {
  const items: Item[] = [];
  for (const message of messages) {
    const last = items[items.length - 1];
    const isImage = message.kind === 'IMAGE' && message.media != null && !message.text;
    if (isImage && last) {
      const previous = last.kind === 'album' ? last.messages[0] : last.message;
      if (previous && previous.kind === 'IMAGE' && !previous.text && previous.author === message.author) {
        items[items.length - 1] = {
          kind: 'album',
          messages: last.kind === 'album' ? [...last.messages, message] : [last.message, message],
        };
        continue;
      }
    }
    items.push({ kind: 'one', message });
  }
  return items;
}

function Bubble({ message, children }: { message: Message; children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const outgoing = message.direction === 'OUT';
  const author = message.author === 'AI' ? t('chat.byAi') : message.author === 'HUMAN' ? t('chat.byHuman') : null;
  return (
    <Group justify={outgoing ? 'flex-end' : 'flex-start'} data-testid="chat-message" data-direction={message.direction}>
      <Paper
        shadow="xs"
        radius="lg"
        px="sm"
        py={6}
        maw="85%"
        bg={outgoing ? (message.author === 'AI' ? 'violet.0' : 'green.0') : 'white'}
        withBorder
      >
        <Stack gap={4}>
          {children}
          <Group gap={6} justify="flex-end">
            {author && (
              <Text size="xs" c="dimmed">
                {author}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(message.sentAt ?? message.createdAt, timeZone, i18n.language)}
            </Text>
            {outgoing && (
              <Text
                size="xs"
                c={message.status === 'FAILED' ? 'red' : 'dimmed'}
                title={message.error ?? t(`chat.status.${message.status}`)}
                data-testid="message-status"
                data-status={message.status}
              >
                {STATUS_ICON[message.status] ?? ''}{' '}
                {message.status === 'FAILED' || message.status === 'UNKNOWN' ? t(`chat.status.${message.status}`) : ''}
              </Text>
            )}
          </Group>
          {outgoing && message.status === 'FAILED' && <FailureReason error={message.error} />}
        </Stack>
      </Paper>
    </Group>
  );
}

/** Within this many pixels of the end the reader counts as "at the newest message" and new ones keep it in view. */
const NEAR_BOTTOM = 120;

/**
 * The conversation, the lead screen's only scroll container: it opens at the newest message, follows new messages
 * while the reader is at the end (not while they read older ones — then a button leads back down), keeps the place
 * when older pages load above, and never scrolls the page around it.
 */
export function ChatView({ leadId }: { leadId: number }) {
  const { t } = useTranslation();
  const messages = useInfiniteQuery(messagesQueryOptions(leadId));
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const lastTop = useRef(0);
  // the distance from the end before older messages were loaded above, to put the reader back where they were
  const olderAnchor = useRef<number | null>(null);
  const [away, setAway] = useState(false);
  const all = flattenMessages(messages.data?.pages);
  const last = all[all.length - 1];
  const firstId = all[0]?.id;

  const toEnd = () => {
    const element = scroller.current;
    if (element) {
      element.scrollTop = element.scrollHeight;
      lastTop.current = element.scrollTop;
    }
    atEnd.current = true;
    setAway(false);
  };

  // a new newest message: follow it when the reader is at the end, or when it is one we just sent
  useLayoutEffect(() => {
    if (last && (atEnd.current || (last.direction === 'OUT' && last.author === 'HUMAN'))) toEnd();
  }, [last?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // older messages loaded above: keep the same message under the reader's eyes
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && olderAnchor.current !== null) {
      element.scrollTop = element.scrollHeight - olderAnchor.current;
      olderAnchor.current = null;
    }
  }, [firstId]);

  // pictures that load later grow the chat, and what loads above it (the handoff summary, the header) shrinks the
  // scroller: either way stay at the end if that is where the reader is
  useEffect(() => {
    const element = content.current;
    if (!element || !scroller.current || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atEnd.current && scroller.current) {
        scroller.current.scrollTop = scroller.current.scrollHeight;
        lastTop.current = scroller.current.scrollTop;
      }
    });
    observer.observe(element);
    observer.observe(scroller.current);
    return () => observer.disconnect();
  }, [messages.isSuccess]);

  if (messages.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (messages.isError) return <ErrorAlert error={messages.error} title={t('chat.loadFailed')} />;

  return (
    <Box pos="relative" style={{ flex: 1, minHeight: 0 }}>
      <Box
        ref={scroller}
        h="100%"
        style={{ overflowY: 'auto', overscrollBehavior: 'contain' }}
        tabIndex={0}
        role="log"
        aria-label={t('chat.log')}
        data-testid="chat-scroll"
        onScroll={(event) => {
          // only the reader scrolling up leaves the end: content that grows under us (a picture loading) or our own
          // jump to the end must not count as "reading older messages"
          const element = event.currentTarget;
          const end = element.scrollHeight - element.scrollTop - element.clientHeight <= NEAR_BOTTOM;
          const up = element.scrollTop < lastTop.current - 1;
          lastTop.current = element.scrollTop;
          if (end) atEnd.current = true;
          else if (up) atEnd.current = false;
          if (away === atEnd.current) setAway(!atEnd.current);
        }}
      >
        <Stack gap="xs" data-testid="chat" ref={content} pr={4}>
          {messages.hasNextPage && (
            <Button
              variant="subtle"
              mih={44}
              onClick={() => {
                const element = scroller.current;
                if (element) olderAnchor.current = element.scrollHeight - element.scrollTop;
                void messages.fetchNextPage();
              }}
              loading={messages.isFetchingNextPage}
            >
              {t('chat.older')}
            </Button>
          )}
          {all.length === 0 && <Text c="dimmed">{t('chat.empty')}</Text>}
          {group(all).map((item) =>
            item.kind === 'album' ? (
              <Bubble key={item.messages[0]?.id} message={item.messages[item.messages.length - 1] ?? item.messages[0]!}>
                <SimpleGrid cols={2} spacing={4} data-testid="chat-album">
                  {item.messages.map((message) => (
                    <MediaView key={message.id} message={message} />
                  ))}
                </SimpleGrid>
              </Bubble>
            ) : (
              <Bubble key={item.message.id} message={item.message}>
                <MediaView message={item.message} />
                <TranscriptView message={item.message} />
                {item.message.text && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {item.message.text}
                  </Text>
                )}
              </Bubble>
            ),
          )}
        </Stack>
      </Box>
      {away && (
        <ActionIcon
          pos="absolute"
          bottom={8}
          right={12}
          size={44}
          radius="xl"
          variant="default"
          onClick={toEnd}
          aria-label={t('chat.toNewest')}
          data-testid="chat-to-newest"
        >
          ↓
        </ActionIcon>
      )}
    </Box>
  );
}

/** A failed message's reason in words, when it is one a person must act on (ADR 035). */
function FailureReason({ error }: { error: string | null | undefined }) {
  const { t } = useTranslation();
  const key = failureKey(error);
  if (key === null) return null;
  return (
    <Text size="xs" c="red" data-testid="failure-reason">
      {t(key)}
    </Text>
  );
}
