import { Tooltip } from '@mantine/core';
import { WordBadge } from '../../../components/WordBadge';
import { useTranslation } from 'react-i18next';
import type { ChannelSummary } from '../../../lib/api/types';

const COLORS: Record<string, string> = { ok: 'green', error: 'red', none: 'gray' };

export function ChannelStateBadge({ channel }: { channel: ChannelSummary | undefined }) {
  const { t } = useTranslation();
  const state = channel?.state ?? 'none';
  const label = channel?.provider
    ? `${t(`channel.providers.${channel.provider}`, { defaultValue: channel.provider })} · ${t(`channel.state.${state}`, { defaultValue: state })}`
    : t('channel.state.none');
  const badge = (
    <WordBadge color={COLORS[state] ?? 'gray'} variant="light">
      {label}
    </WordBadge>
  );
  return channel?.lastError ? <Tooltip label={channel.lastError}>{badge}</Tooltip> : badge;
}
