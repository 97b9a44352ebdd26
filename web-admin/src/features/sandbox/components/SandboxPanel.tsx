import {
  Badge,
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
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { ChatMessage, Lead } from '../../../lib/api/types';
import { useSandboxChat, useSandboxLead, useSendSandboxMessage } from '../api/sandbox';

function randomPhone(): string {
  return `+7701${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}

/**
 * A phone-like chat where the operator plays a lead against the tenant's real configuration; the lead's
 * fields, stage and score as the AI manager changes them beside it.
 */
export function SandboxPanel({ tenantId, companyName }: { tenantId: string; companyName: string }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState(randomPhone);
  const [name, setName] = useState(() => t('sandbox.defaultName'));
  const [started, setStarted] = useState(false);
  const [text, setText] = useState('');
  const send = useSendSandboxMessage(tenantId);
  const chat = useSandboxChat(tenantId, phone, started);
  const lead = useSandboxLead(tenantId, phone, started);
  const queryClient = useQueryClient();
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
    <Group align="flex-start" wrap="nowrap" gap="xl">
      <Stack w={360} style={{ flexShrink: 0 }}>
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
              <Button type="submit" radius="xl" loading={send.isPending} aria-label={t('sandbox.send')}>
                ➤
              </Button>
            </Group>
          </form>
        </Paper>
        {send.isError && <ErrorAlert error={send.error} title={t('sandbox.sendFailed')} />}
        {chat.isError && <ErrorAlert error={chat.error} />}
        <Text size="xs" c="dimmed">
          {t('sandbox.hint')}
        </Text>
      </Stack>
      <LeadSidePanel lead={lead.data ?? null} started={started} />
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
    <ScrollArea h={460} bg="#ece5dd" viewportRef={viewport}>
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
              ) : m.media?.url ? (
                <Text size="sm">📎 {m.media.mimeType ?? m.kind}</Text>
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

function LeadSidePanel({ lead, started }: { lead: Lead | null; started: boolean }) {
  const { t } = useTranslation();
  const temperature =
    lead?.temperature === 'HOT' || lead?.temperature === 'WARM' || lead?.temperature === 'COLD'
      ? TEMPERATURE[lead.temperature]
      : null;
  return (
    <Paper withBorder p="md" style={{ flex: 1 }} miw={0} role="region" aria-label={t('sandbox.lead')}>
      <Stack gap="sm">
        <Title order={4}>{t('sandbox.lead')}</Title>
        {!lead ? (
          <Text c="dimmed">{started ? t('sandbox.waitingLead') : t('sandbox.noLead')}</Text>
        ) : (
          <>
            <Group gap="xs">
              <Text fw={600}>{lead.name ?? lead.phone}</Text>
              <Badge variant="light" data-testid="sandbox-stage">
                {lead.stage?.name ?? '—'}
              </Badge>
              {temperature && (
                <Badge color={temperature.color} variant="light">
                  {t(temperature.key)}
                </Badge>
              )}
              <Badge variant="outline">{lead.handledBy === 'HUMAN' ? t('sandbox.human') : t('sandbox.ai')}</Badge>
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
                    <Table.Td ff="monospace">city</Table.Td>
                    <Table.Td>{lead.city}</Table.Td>
                  </Table.Tr>
                )}
                {Object.entries(lead.fields ?? {}).map(([key, value]) => (
                  <Table.Tr key={key}>
                    <Table.Td ff="monospace">{key}</Table.Td>
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
