// Passkeys: register one on the account page, sign in with one on the sign-in page.
// Messages come from data- attributes so that they are in the reader's language.
(() => {
  "use strict";

  const bytesToBase64Url = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const base64UrlToBytes = (text) => {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  };
  // Each element names its endpoints and carries the page's CSRF token (data-csrf, data-csrf-header).
  const postJson = (element, url, body) => fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", [element.dataset.csrfHeader]: element.dataset.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const say = (element, text) => { element.textContent = text; };

  async function register(form) {
    const status = form.querySelector("[role=status]");
    const label = form.querySelector("input[name=label]").value.trim();
    if (!label) {
      say(status, form.dataset.labelRequired);
      form.querySelector("input[name=label]").focus();
      return;
    }
    try {
      const options = await (await postJson(form, form.dataset.options)).json();
      const credential = await navigator.credentials.create({
        publicKey: {
          ...options,
          user: { ...options.user, id: base64UrlToBytes(options.user.id) },
          challenge: base64UrlToBytes(options.challenge),
          excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: base64UrlToBytes(c.id) })),
        },
      });
      const response = await postJson(form, form.action, {
        publicKey: {
          label,
          credential: {
            id: credential.id,
            rawId: bytesToBase64Url(credential.rawId),
            response: {
              attestationObject: bytesToBase64Url(credential.response.attestationObject),
              clientDataJSON: bytesToBase64Url(credential.response.clientDataJSON),
              transports: credential.response.getTransports ? credential.response.getTransports() : [],
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment,
          },
        },
      });
      if (!response.ok || !(await response.json()).success) {
        throw new Error(`registration refused: HTTP ${response.status}`);
      }
      window.location.assign(form.dataset.done);
    } catch (error) {
      console.warn(error);
      say(status, form.dataset.failed);
    }
  }

  async function signIn(button) {
    const status = document.getElementById(button.getAttribute("aria-describedby"));
    try {
      const options = await (await postJson(button, button.dataset.options)).json();
      const credential = await navigator.credentials.get({
        publicKey: {
          ...options,
          challenge: base64UrlToBytes(options.challenge),
          allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: base64UrlToBytes(c.id) })),
        },
      });
      const response = await postJson(button, button.dataset.signIn, {
        id: credential.id,
        rawId: bytesToBase64Url(credential.rawId),
        response: {
          authenticatorData: bytesToBase64Url(credential.response.authenticatorData),
          clientDataJSON: bytesToBase64Url(credential.response.clientDataJSON),
          signature: bytesToBase64Url(credential.response.signature),
          userHandle: credential.response.userHandle ? bytesToBase64Url(credential.response.userHandle) : undefined,
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment,
      });
      const result = response.ok ? await response.json() : {};
      if (!result.authenticated) {
        throw new Error(`sign-in refused: HTTP ${response.status}`);
      }
      window.location.assign(result.redirectUrl);
    } catch (error) {
      console.warn(error);
      say(status, button.dataset.failed);
    }
  }

  const supported = window.PublicKeyCredential !== undefined;
  document.querySelectorAll("[data-passkeys]").forEach((element) => { element.hidden = !supported; });
  document.querySelectorAll("form[data-passkey-register]").forEach((form) => {
    form.addEventListener("submit", (event) => { event.preventDefault(); register(form); });
  });
  document.querySelectorAll("button[data-sign-in]").forEach((button) => {
    button.addEventListener("click", () => signIn(button));
  });
})();
