import { ActionIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../lib/api/types';
import { leadTitle } from '../../lead/components/LeadBadges';

/** «Переместить» on a card: opens the move-to-stage sheet (the way to move a lead on a touch screen). */
export function MoveLeadButton({
  lead,
  onMove,
  size = 44,
}: {
  lead: Lead;
  onMove: (lead: Lead) => void;
  size?: number;
}) {
  const { t } = useTranslation();
  const label = t('stageMove.openFor', { lead: leadTitle(lead) });
  return (
    <Tooltip label={t('stageMove.open')} openDelay={400}>
      <ActionIcon
        variant="subtle"
        color="gray"
        size={size}
        aria-label={label}
        data-testid="move-lead"
        onClick={() => onMove(lead)}
        // the board's keyboard drag listens on the card; Enter here means "open the sheet"
        onKeyDown={(event) => event.stopPropagation()}
      >
        <span aria-hidden>⇄</span>
      </ActionIcon>
    </Tooltip>
  );
}
