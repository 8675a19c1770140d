// Web Push on the subscription page: shown only where the browser can receive pushes. "On" asks
// the browser's permission, subscribes it with the city's VAPID key and sends the endpoint, its
// keys and the choices made in the form above; "off" ends it. Texts come from data- attributes.
(() => {
  "use strict";

  const section = document.getElementById("push");
  if (!section || !("serviceWorker" in navigator) || !("PushManager" in window) || !window.fetch) {
    return;
  }
  const form = document.querySelector("form.form");
  const on = section.querySelector("[data-push=on]");
  const off = section.querySelector("[data-push=off]");
  const status = section.querySelector("[data-push=status]");
  const say = (text) => { status.textContent = text; };
  const base64UrlToBytes = (text) => {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  };
  const postJson = (url, body) => fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", [section.dataset.csrfHeader]: section.dataset.csrf },
    body: JSON.stringify(body),
  });
  const checked = (name) => Array.from(form.querySelectorAll(`input[name=${name}]:checked`)).map((input) => input.value);
  const showState = (subscribed) => {
    on.hidden = subscribed;
    off.hidden = !subscribed;
  };

  section.hidden = false;
  const registration = navigator.serviceWorker.register(section.dataset.worker);
  registration.then((r) => r.pushManager.getSubscription()).then((existing) => {
    showState(existing !== null);
    if (existing) {
      say(section.dataset.isOn);
    }
  }).catch(() => say(section.dataset.failed));

  on.addEventListener("click", async () => {
    try {
      if (await Notification.requestPermission() !== "granted") {
        say(section.dataset.denied);
        return;
      }
      const push = (await registration).pushManager;
      const subscription = await push.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64UrlToBytes(section.dataset.key),
      });
      const browser = subscription.toJSON();
      const response = await postJson(section.dataset.subscribe, {
        endpoint: browser.endpoint,
        keys: browser.keys,
        language: form.querySelector("[name=language]").value,
        wholeCity: form.querySelector("[name=wholeCity]").checked,
        districts: checked("district"),
        categories: checked("category"),
      });
      const answer = await response.json();
      if (response.ok) {
        showState(true);
        say(answer.message);
      } else {
        await subscription.unsubscribe();
        say((answer.problems || []).map((problem) => problem.message).join(" ") || section.dataset.failed);
      }
    } catch (failure) {
      say(section.dataset.failed);
    }
  });

  off.addEventListener("click", async () => {
    try {
      const subscription = await (await registration).pushManager.getSubscription();
      if (subscription) {
        const endpoint = subscription.endpoint;
        await subscription.unsubscribe();
        const answer = await (await postJson(section.dataset.end, { endpoint })).json();
        say(answer.message);
      }
      showState(false);
      on.focus();
    } catch (failure) {
      say(section.dataset.failed);
    }
  });
})();
