/* Imported by the generated service worker (vite.config.ts → workbox.importScripts).
 * The notification seam: the open app shows notifications through the registration (lib/notify.ts); server push
 * (Web Push, issue 14) arrives here as a `push` event with the same shape ({title, body, tag, url, kind, leadId},
 * url = "/crm/leads/{id}") and uses the same call.
 * Clicking a notification focuses an open CRM window on the lead, or opens one. */

/** The lead's address: the payload's url, else built from its leadId, else the app; always inside our scope. */
function leadUrl(data) {
  const scope = self.registration.scope;
  let url = data && data.url;
  if (!url && data && data.leadId != null) url = 'leads/' + data.leadId;
  if (!url) return scope;
  const absolute = new URL(url, scope).href;
  return absolute.startsWith(scope) ? absolute : scope;
}
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
      data: { url: leadUrl(payload), leadId: payload.leadId, kind: payload.kind },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = leadUrl(event.notification.data);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url.startsWith(self.registration.scope));
      if (!open) return self.clients.openWindow(url);
      // navigate() only works on a window this worker controls; an uncontrolled one gets a new window instead
      return open
        .navigate(url)
        .then((client) => (client || open).focus())
        .catch(() => self.clients.openWindow(url));
    }),
  );
});
