import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lead, Temperature } from '../../../lib/api/types';
import { formatDuration, useNow } from '../../../lib/time';

/** A lead's name, or its phone while the name is unknown. */
export function leadTitle(lead: Pick<Lead, 'name' | 'phone'>): string {
  return lead.name && lead.name.trim() !== '' ? lead.name : lead.phone;
}

const TEMPERATURE_ICON: Record<Temperature, string> = { HOT: '🔥', WARM: '🟡', COLD: '❄️' };

export function TemperatureScore({ lead }: { lead: Pick<Lead, 'temperature' | 'score'> }) {
  const { t } = useTranslation();
  const label = lead.temperature ? t(`temperature.${lead.temperature}`) : t('temperature.none');
  return (
    <Tooltip label={label}>
      <Text span size="sm" fw={600} aria-label={`${label}, ${t('lead.score')} ${lead.score}`} data-testid="lead-score">
        {lead.temperature ? TEMPERATURE_ICON[lead.temperature] : '·'} {lead.score}
      </Text>
    </Tooltip>
  );
}

/** Who leads the conversation now: the AI, or a person (named when known). */
/** The AI leads unless a person took over (handledBy) or the AI was switched off for this lead. */
export function isAiLed(lead: Pick<Lead, 'handledBy' | 'aiEnabled'>): boolean {
  return lead.handledBy === 'AI' && lead.aiEnabled !== false;
}

export function HandlerBadge({ lead }: { lead: Pick<Lead, 'handledBy' | 'handler' | 'assignee' | 'aiEnabled'> }) {
  const { t } = useTranslation();
  if (isAiLed(lead)) {
    return (
      <Badge size="sm" variant="light" color="violet" data-testid="handled-by">
        {t('lead.ai')}
      </Badge>
    );
  }
  const who = lead.handler?.name ?? lead.assignee?.name;
  return (
    <Badge size="sm" variant="light" color="teal" data-testid="handled-by">
      {who ? t('lead.humanNamed', { name: who }) : t('lead.human')}
    </Badge>
  );
}

/**
 * Whose turn it is and for how long, labelled by what it measures: the client wrote last and nobody answered —
 * «ждёт нас 12 мин»; we wrote last and the client is silent — «молчит 2 ч».
 */
export function NoReplyTimer({ lead }: { lead: Pick<Lead, 'waitingForReplySince' | 'lastMessage'> }) {
  const { t } = useTranslation();
  const now = useNow();
  const since = lead.waitingForReplySince;
  if (since == null) return null;
  const waited = now - new Date(since).getTime();
  const duration = formatDuration(waited, t);
  const clientWaits = lead.lastMessage?.direction !== 'OUT';
  const color = clientWaits ? (waited > 15 * 60_000 ? 'red' : 'orange') : 'gray';
  const hint = clientWaits ? t('wait.clientHint', { duration }) : t('wait.silentHint', { duration });
  return (
    <Tooltip label={hint}>
      <Badge
        size="sm"
        tt="none"
        color={color}
        variant="light"
        data-testid="no-reply-timer"
        data-waiting={clientWaits ? 'us' : 'client'}
        aria-label={hint}
      >
        {clientWaits ? t('wait.client', { duration }) : t('wait.silent', { duration })}
      </Badge>
    </Tooltip>
  );
}

export function StageBadge({ name, color }: { name: string; color?: string | null }) {
  return (
    <Badge size="sm" variant="outline" color={color ?? 'gray'} data-testid="lead-stage">
      {name}
    </Badge>
  );
}

export function LeadBadges({ lead, showStage = true }: { lead: Lead; showStage?: boolean }) {
  return (
    <Group gap={6} wrap="wrap">
      <TemperatureScore lead={lead} />
      {showStage && <StageBadge name={lead.stage.name} />}
      <HandlerBadge lead={lead} />
      <NoReplyTimer lead={lead} />
    </Group>
  );
}
