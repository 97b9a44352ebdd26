import '@mantine/notifications/styles.layer.css';
import './notifications.css';
import { Notifications } from '@mantine/notifications';
import { memo } from 'react';
import { StageMoveConfirm } from './StageMoveConfirm';

/**
 * What useStageMove needs on screen: the toasts (the Undo after a move) and the confirmation of a move into a final
 * stage. Mounted once by the signed-in layout (a lazy chunk, so the login page's initial JS does not carry it).
 * Memoised: it takes no props and follows its own stores, so it need not render again each time the layout does
 * (the toasts' host renders a transition group for each of its six positions).
 */
export const StageMoveHost = memo(function StageMoveHost() {
  return (
    <>
      <Notifications position="bottom-center" className="crm-notifications" limit={3} />
      <StageMoveConfirm />
    </>
  );
});
