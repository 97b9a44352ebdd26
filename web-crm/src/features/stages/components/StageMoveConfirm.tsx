import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { registerStageMoveHost, useStageMoveQuestion } from '../hooks/confirmStageMove';

/** Mounted once under the providers: asks before a lead goes into a final stage (WON or LOST). */
export function StageMoveConfirm() {
  const { t } = useTranslation();
  const question = useStageMoveQuestion();
  useEffect(() => registerStageMoveHost(), []);
  return (
    <Modal
      opened={question !== null}
      onClose={() => question?.answer(false)}
      title={t('stageMove.confirmTitle')}
      centered
      data-testid="stage-move-confirm"
    >
      {question && (
        <>
          <Text mb="md">
            {t(question.final === 'WON' ? 'stageMove.confirmWon' : 'stageMove.confirmLost', {
              lead: question.leadTitle,
              stage: question.stageName,
            })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" mih={44} onClick={() => question.answer(false)}>
              {t('stageMove.cancel')}
            </Button>
            <Button color={question.final === 'WON' ? 'green' : 'red'} mih={44} onClick={() => question.answer(true)}>
              {t('stageMove.confirm', { stage: question.stageName })}
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
