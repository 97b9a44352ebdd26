import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The body of the toast after a stage move: what happened and the way back. */
export function StageMovedToast({ stageName, onUndo }: { stageName: string; onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="stage-move-toast">
      <Text size="sm">{t('stageMove.moved', { stage: stageName })}</Text>
      <Button variant="light" size="sm" mih={44} onClick={onUndo}>
        {t('stageMove.undo')}
      </Button>
    </Group>
  );
}
