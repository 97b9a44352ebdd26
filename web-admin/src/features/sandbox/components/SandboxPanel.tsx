import {
  Alert,
  Box,
  Button,
  Group,
  Image,
  Paper,
  Progress,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { WordBadge } from '../../../components/WordBadge';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import type { ChatMessage, Lead, Pack } from '../../../lib/api/types';

/** The pack's lead fields (their ru/en labels name the keys the AI fills in). */
export type PackFields = NonNullable<Pack['qualificationSchema']>;
import { useSandboxChat, useSandboxLead, useSendSandboxMessage } from '../api/sandbox';

function randomPhone(): string {
  return `+7701${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}

/**
 * A phone-like chat where the operator plays a lead against the tenant's real configuration; the lead's
 * fields, stage and score as the AI manager changes them beside it.
 */
export function SandboxPanel({
  tenantId,
  companyName,
  provider,
  fields = [],
}: {
  tenantId: string;
  companyName: string;
  /** The tenant's connected provider (undefined while unknown): the sandbox answers only for 'sandbox'. */
  provider?: string | null;
  fields?: PackFields;
}) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState(randomPhone);
  const [name, setName] = useState(() => t('sandbox.defaultName'));
  const [started, setStarted] = useState(false);
  const [text, setText] = useState('');
  const send = useSendSandboxMessage(tenantId);
  const chat = useSandboxChat(tenantId, phone, started);
  const lead = useSandboxLead(tenantId, phone, started);
  const queryClient = useQueryClient();
  const notSandbox = provider !== undefined && provider !== 'sandbox';
  const leadId = lead.data?.id;
  useEffect(() => {
    // a new lead changes the tenant's "leads today"
    if (leadId !== undefined) void queryClient.invalidateQueries({ queryKey: ['tenants'] });
  }, [leadId, queryClient]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const body = text.trim();
    if (body === '') return;
    send.mutate(
      { phone, name: name.trim(), text: body },
      {
        onSuccess: () => {
          setText('');
          setStarted(true);
        },
      },
    );
  }

  return (
    <Group align="flex-start" gap="xl">
      <Stack w={360} maw="100%" style={{ flexShrink: 0 }}>
        {notSandbox && (
          <Alert
            color="yellow"
            variant="light"
            title={t('sandbox.notSandboxTitle')}
            data-testid="sandbox-not-connected"
          >
            {t('sandbox.notSandbox')}
          </Alert>
        )}
        <Group grow>
          <TextInput
            label={t('sandbox.phone')}
            value={phone}
            disabled={started}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
          <TextInput label={t('sandbox.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </Group>
        <Group gap="xs">
          <Button
            variant="subtle"
            size="xs"
            mih={44}
            onClick={() => {
              setPhone(randomPhone());
              setStarted(false);
            }}
          >
            {t('sandbox.newLead')}
          </Button>
        </Group>
        <Paper withBorder radius={28} p={10} bg="dark.7" role="region" aria-label={t('sandbox.phoneLabel')}>
          <Box bg="#075e54" c="white" px="sm" py={8} style={{ borderRadius: '20px 20px 0 0' }}>
            <Text fw={600} size="sm">
              {companyName}
            </Text>
            <Text size="xs">{t('sandbox.bot')}</Text>
          </Box>
          <ChatView messages={chat.data ?? []} />
          <form onSubmit={submit}>
            <Group gap={6} p={6} bg="#f0f0f0" wrap="nowrap" style={{ borderRadius: '0 0 20px 20px' }}>
              <TextInput
                style={{ flex: 1 }}
                radius="xl"
                aria-label={t('sandbox.message')}
                placeholder={t('sandbox.messagePlaceholder')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
              <Button type="submit" radius="xl" miw={44} h={44} loading={send.isPending} aria-label={t('sandbox.send')}>
                ➤
              </Button>
            </Group>
          </form>
          {send.isError && (
            <Box mt={6}>
              <ActionError error={send.error} title={t('sandbox.sendFailed')} />
            </Box>
          )}
        </Paper>
        {chat.isError && <ActionError error={chat.error} />}
        <Text size="xs" c="dimmed">
          {t('sandbox.hint')}
        </Text>
      </Stack>
      <LeadSidePanel fields={fields} lead={lead.data ?? null} started={started} />
    </Group>
  );
}

function isImage(m: ChatMessage): boolean {
  return (m.media?.mimeType ?? '').startsWith('image/') || (m.kind ?? '').toLowerCase() === 'image';
}

function ChatView({ messages }: { messages: ChatMessage[] }) {
  const { t, i18n } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = viewport.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  return (
    <ScrollArea h={{ base: 320, sm: 460 }} bg="#ece5dd" viewportRef={viewport}>
      <Stack gap={6} p="xs" role="log" aria-label={t('sandbox.chat')}>
        {messages.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" mt="xl">
            {t('sandbox.empty')}
          </Text>
        )}
        {messages.map((m) => {
          const inbound = m.direction === 'IN';
          return (
            <Box
              key={m.id}
              bg={inbound ? '#dcf8c6' : 'white'}
              p={8}
              maw="85%"
              data-testid={inbound ? 'sandbox-lead-message' : 'sandbox-bot-message'}
              style={{ borderRadius: 8, alignSelf: inbound ? 'flex-end' : 'flex-start' }}
            >
              {m.media?.url && isImage(m) ? (
                <Image src={m.media.url} alt={m.text ?? t('greeting.image')} radius="sm" h={140} fit="cover" />
              ) : m.media?.url && (m.kind === 'VOICE' || m.kind === 'AUDIO') ? (
                <audio
                  controls
                  preload="none"
                  src={m.media.url}
                  aria-label={t('sandbox.voice')}
                  style={{ maxWidth: 240 }}
                />
              ) : m.media?.url ? (
                <Text size="sm">📎 {m.media.mimeType ?? m.kind}</Text>
              ) : null}
              {m.transcription === 'DONE' && m.transcript ? (
                <Text size="sm" fs="italic" style={{ wordBreak: 'break-word' }} data-testid="sandbox-transcript">
                  {t('sandbox.transcript')}: {m.transcript}
                </Text>
              ) : m.transcription === 'FAILED' || m.transcription === 'OFF' ? (
                <Text size="xs" c="dimmed" fs="italic" data-testid="sandbox-untranscribed">
                  {t('sandbox.notTranscribed')}
                </Text>
              ) : null}
              {m.text && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {m.text}
                </Text>
              )}
              <Text size="10px" c="dimmed" ta="right">
                {m.createdAt ? time.format(new Date(m.createdAt)) : ''}
              </Text>
            </Box>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}

const TEMPERATURE = {
  HOT: { key: 'sandbox.temperature.hot', color: 'red' },
  WARM: { key: 'sandbox.temperature.warm', color: 'orange' },
  COLD: { key: 'sandbox.temperature.cold', color: 'blue' },
} as const;

/** The pack's ru/en label for a lead field key (`width_m` → «Ширина, м»), or the key when the pack has none. */
function useFieldLabel(fields: PackFields): (key: string) => string {
  const { t, i18n } = useTranslation();
  return (key) => {
    if (key === 'city') return t('sandbox.city');
    const field = fields.find((f) => f.key === key);
    return (i18n.language === 'en' ? (field?.labelEn ?? field?.labelRu) : (field?.labelRu ?? field?.labelEn)) ?? key;
  };
}

function LeadSidePanel({ fields, lead, started }: { fields: PackFields; lead: Lead | null; started: boolean }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel(fields);
  const temperature =
    lead?.temperature === 'HOT' || lead?.temperature === 'WARM' || lead?.temperature === 'COLD'
      ? TEMPERATURE[lead.temperature]
      : null;
  return (
    <Paper
      withBorder
      p="md"
      style={{ flex: '1 1 280px' }}
      miw={0}
      maw="100%"
      role="region"
      aria-label={t('sandbox.lead')}
    >
      <Stack gap="sm">
        <Title order={4}>{t('sandbox.lead')}</Title>
        {!lead ? (
          <Text c="dimmed">{started ? t('sandbox.waitingLead') : t('sandbox.noLead')}</Text>
        ) : (
          <>
            <Group gap="xs">
              <Text fw={600}>{lead.name ?? lead.phone}</Text>
              <WordBadge variant="light" data-testid="sandbox-stage">
                {lead.stage?.name ?? '—'}
              </WordBadge>
              {temperature && (
                <WordBadge color={temperature.color} variant="light">
                  {t(temperature.key)}
                </WordBadge>
              )}
              <WordBadge variant="outline">
                {lead.handledBy === 'HUMAN' ? t('sandbox.human') : t('sandbox.ai')}
              </WordBadge>
            </Group>
            <div>
              <Text size="sm">
                {t('sandbox.score')}: <b data-testid="sandbox-score">{lead.score ?? 0}</b>
              </Text>
              <Progress value={lead.score ?? 0} mt={4} />
            </div>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sandbox.field')}</Table.Th>
                  <Table.Th>{t('sandbox.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lead.city && lead.fields?.city === undefined && (
                  <Table.Tr>
                    <Table.Td>{fieldLabel('city')}</Table.Td>
                    <Table.Td>{lead.city}</Table.Td>
                  </Table.Tr>
                )}
                {Object.entries(lead.fields ?? {}).map(([key, value]) => (
                  <Table.Tr key={key}>
                    <Table.Td>{fieldLabel(key)}</Table.Td>
                    <Table.Td>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</Table.Td>
                  </Table.Tr>
                ))}
                {Object.keys(lead.fields ?? {}).length === 0 && !lead.city && (
                  <Table.Tr>
                    <Table.Td colSpan={2}>
                      <Text size="sm" c="dimmed">
                        {t('sandbox.noFields')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
