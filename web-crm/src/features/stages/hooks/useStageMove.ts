import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@buildcrm/web-shared/lib/describeError';
import type { Lead, StageRef } from '../../../lib/api/types';
import { stagesQueryOptions } from '../api/stages';
import { StageMovedToast } from '../components/StageMovedToast';
import { applyMoveToCaches, moveLeadToStage, restoreCaches, settleCaches } from '../api/moveLead';
import { confirmStageMove } from './confirmStageMove';

/** How long the «Отменить» toast stays after a move. */
export const UNDO_MS = 5000;

interface MoveVars {
  lead: Lead;
  to: StageRef;
  /** an undo puts the lead back and offers no undo of its own */
  undo: boolean;
}

const leadTitle = (lead: Lead) => (lead.name && lead.name.trim() !== '' ? lead.name : lead.phone);

/**
 * The one way a person moves a lead between stages (board drag, the move sheet, the lead screen): a move into WON
 * or LOST asks first, the caches show the move at once, and an Undo toast offers the way back for a few seconds.
 * Moves run one after another, so an undo never overtakes the move it undoes.
 */
export function useStageMove(): { move: (lead: Lead, toStageId: number) => void; pending: boolean } {
  const { t } = useTranslation();
  const client = useQueryClient();
  const stages = useQuery(stagesQueryOptions());

  const mutation = useMutation({
    scope: { id: 'stage-move' },
    mutationFn: ({ lead, to }: MoveVars) => moveLeadToStage(lead.id, to.id),
    onMutate: async ({ lead, to }) => {
      await client.cancelQueries({ queryKey: ['leads'] });
      return { snapshot: applyMoveToCaches(client, lead, to) };
    },
    onError: (error, { lead }, context) => {
      if (context) restoreCaches(client, context.snapshot);
      notifications.hide(toastId(lead));
      notifications.show({
        color: 'red',
        title: t('stageMove.failed'),
        message: describeError(error, t),
        autoClose: 8000,
      });
    },
    onSuccess: (_saved, { lead, to, undo }) => {
      if (undo) return;
      const back: StageRef = lead.stage;
      notifications.show({
        id: toastId(lead),
        autoClose: UNDO_MS,
        withCloseButton: true,
        message: createElement(StageMovedToast, {
          stageName: to.name,
          onUndo: () => {
            notifications.hide(toastId(lead));
            mutation.mutate({ lead: { ...lead, stage: to }, to: back, undo: true });
          },
        }),
      });
    },
    onSettled: (saved) => settleCaches(client, saved),
  });

  function move(lead: Lead, toStageId: number) {
    if (toStageId === lead.stage.id) return;
    const stage = (stages.data ?? []).find((item) => item.id === toStageId);
    const to: StageRef = stage ? { id: stage.id, name: stage.name, role: stage.role } : targetFromBoard(toStageId);
    const go = () => mutation.mutate({ lead, to, undo: false });
    if (to.role === 'WON' || to.role === 'LOST') {
      void confirmStageMove({ leadTitle: leadTitle(lead), stageName: to.name, final: to.role }).then((yes) => {
        if (yes) go();
      });
    } else {
      go();
    }
  }

  /** Before the stage list has loaded, the board already knows the column's stage. */
  function targetFromBoard(stageId: number): StageRef {
    for (const [, columns] of client.getQueriesData<{ stage: StageRef }[]>({ queryKey: ['leads', 'board'] })) {
      const column = columns?.find((item) => item.stage.id === stageId);
      if (column) return { id: column.stage.id, name: column.stage.name, role: column.stage.role };
    }
    return { id: stageId, name: '…', role: null };
  }

  return { move, pending: mutation.isPending };
}

const toastId = (lead: Lead) => `stage-move-${lead.id}`;
