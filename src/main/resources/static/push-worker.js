// The service worker that shows Machi's push notifications (alerts and notices) and opens the
// page of the alert or notice when the notification is chosen. Alerts stay until dismissed.
self.addEventListener("push", (event) => {
  if (!event.data) {
    return;
  }
  const message = event.data.json();
  event.waitUntil(self.registration.showNotification(message.title, {
    body: message.body,
    lang: message.lang,
    tag: message.tag,
    renotify: true,
    requireInteraction: Boolean(message.urgent),
    data: { url: message.url },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (url) {
    event.waitUntil(self.clients.openWindow(url));
  }
});
