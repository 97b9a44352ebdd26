import '@mantine/notifications/styles.layer.css';
import './notifications.css';
import { Notifications, notificationsStore, useNotifications } from '@mantine/notifications';
import { memo, useState } from 'react';
import { StageMoveConfirm } from './StageMoveConfirm';

const POSITION = 'bottom-center';
const LIMIT = 3;
// The store knows where and how many toasts go before the host is there: a toast shown before the host mounts is
// laid out in its final place from the first frame.
notificationsStore.updateState((state) => ({ ...state, defaultPosition: POSITION, limit: LIMIT }));

/**
 * The toasts' host, mounted with the first toast and kept from then on. Mantine's host renders a transition group
 * for each of its six positions, and each of them renders again right after it mounts: on a signed-in start that
 * was a dozen components more in most of the first commits, for a toast that most starts never show (ADR 044).
 */
function Toasts() {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && (notifications.length > 0 || queue.length > 0)) setNeeded(true);
  return needed ? <Notifications position={POSITION} className="crm-notifications" limit={LIMIT} /> : null;
}

/**
 * What useStageMove needs on screen: the toasts (the Undo after a move) and the confirmation of a move into a final
 * stage. Mounted once by the signed-in layout (a lazy chunk, so the login page's initial JS does not carry it).
 * Memoised: it takes no props and follows its own stores, so it need not render again each time the layout does.
 */
export const StageMoveHost = memo(function StageMoveHost() {
  return (
    <>
      <Toasts />
      <StageMoveConfirm />
    </>
  );
});
