import { Drawer, NavLink, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../lib/api/types';
import { stagesQueryOptions } from '../api/stages';
import { useStageMove } from '../hooks/useStageMove';

/** «Move to stage» as a bottom sheet: every stage of the tenant, the lead's current one marked. */
export function MoveStageSheet({ lead, opened, onClose }: { lead: Lead; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const stages = useQuery(stagesQueryOptions());
  const { move } = useStageMove();
  const title = lead.name && lead.name.trim() !== '' ? lead.name : lead.phone;

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="bottom"
      size="auto"
      title={t('stageMove.sheetTitle', { lead: title })}
      data-testid="move-stage-sheet"
    >
      <Stack gap={4} pb="md">
        {(stages.data ?? []).map((stage) => {
          const current = stage.id === lead.stage.id;
          return (
            <NavLink
              key={stage.id}
              component="button"
              mih={48}
              active={current}
              aria-current={current ? 'true' : undefined}
              label={stage.name}
              description={current ? t('stageMove.current') : undefined}
              leftSection={
                <Text span aria-hidden c={stage.color ?? 'gray'} fz="lg" lh={1}>
                  ●
                </Text>
              }
              rightSection={
                current ? (
                  <Text span aria-hidden>
                    ✓
                  </Text>
                ) : undefined
              }
              data-testid="move-stage-option"
              data-stage-id={stage.id}
              onClick={() => {
                onClose();
                if (!current) move(lead, stage.id);
              }}
            />
          );
        })}
      </Stack>
    </Drawer>
  );
}
