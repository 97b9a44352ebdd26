import { useState } from 'react';
import type { Lead } from '../../../lib/api/types';
import { MoveStageSheet } from '../../stages/components/MoveStageSheet';

/** One move-to-stage sheet for a whole board or list: `open(lead)` shows it for that lead. */
export function useMoveSheet() {
  // the lead stays set after closing, so the sheet keeps its content while it slides away
  const [lead, setLead] = useState<Lead | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (next: Lead) => {
    setLead(next);
    setOpened(true);
  };
  const sheet = lead ? <MoveStageSheet lead={lead} opened={opened} onClose={() => setOpened(false)} /> : null;
  return { open, sheet };
}
