/**
 * The seam for "a manager sees a notification": today the Notifications API from the open app (through the
 * service worker's registration when there is one, so it also shows from the installed PWA); server push will
 * later call the same `showNotification` from the service worker's `push` handler.
 */
export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export async function requestNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!notificationsSupported()) return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

export async function notify(title: string, options: { body?: string; tag?: string; url?: string }): Promise<void> {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  const init: NotificationOptions = {
    body: options.body,
    tag: options.tag,
    icon: `${import.meta.env.BASE_URL}icons/icon-192.png`,
    data: { url: options.url },
  };
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
  if (registration) {
    await registration.showNotification(title, init);
    return;
  }
  const notification = new Notification(title, init);
  notification.onclick = () => {
    window.focus();
    if (options.url) window.location.assign(options.url);
  };
}
