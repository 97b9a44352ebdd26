/* Imported by the generated service worker (vite.config.ts → workbox.importScripts).
 * The notification seam: the open app shows notifications through the registration (lib/notify.ts); server push
 * will arrive here as a `push` event with the same shape ({title, body, tag, url}) and use the same call.
 * Clicking a notification focuses an open CRM window on the lead, or opens one. */
self.addEventListener('push', (event) => {
  if (!event.data) return;
  let payload;
  try {
    payload = event.data.json();
  } catch {
    payload = { title: event.data.text() };
  }
  event.waitUntil(
    self.registration.showNotification(payload.title || 'BuildCRM', {
      body: payload.body,
      tag: payload.tag,
      icon: 'icons/icon-192.png',
      data: { url: payload.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || self.registration.scope;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url.startsWith(self.registration.scope));
      if (open) return open.navigate(url).then((client) => (client || open).focus());
      return self.clients.openWindow(url);
    }),
  );
});
