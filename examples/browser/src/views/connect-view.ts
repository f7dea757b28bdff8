/**
 * The connect form: server URL (default: this page's origin) and an API key, typed or read
 * from the key file PHAS downloads. Errors are shown in words; the key is never shown.
 */
import { PhasNetworkError, type Client } from '@phas/sdk';
import { describeError } from '../app/describe-error.js';
import { KeyFileError, readKeyFile } from '../app/key-file.js';
import { connectWithKey, defaultServerUrl, normaliseServerUrl } from '../app/session.js';
import { h, replace } from '../ui/dom.js';

/** Renders the form into `container`; `onConnected` gets the client and the URL used. */
export function renderConnectView(
  container: HTMLElement,
  onConnected: (client: Client, serverUrl: string) => void,
): void {
  const url = h('input', { id: 'server-url', type: 'url', value: defaultServerUrl(), required: true, 'data-testid': 'server-url', autocomplete: 'url' });
  const key = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', placeholder: 'Paste the API key', 'data-testid': 'api-key' });
  const file = h('input', { id: 'key-file', type: 'file', accept: '.json,application/json', 'data-testid': 'key-file' });
  const fileNote = h('span', { class: 'hint', 'data-testid': 'key-file-status' });
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'connect-status' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'connect' }, 'Connect');
  let fileKey: string | undefined;

  file.addEventListener('change', async () => {
    fileKey = undefined;
    const picked = file.files?.[0];
    if (!picked) return replace(fileNote);
    try {
      fileKey = await readKeyFile(picked);
      key.value = '';
      replace(fileNote, `Key read from ${picked.name}.`);
      fileNote.classList.remove('bad');
    } catch (error) {
      replace(fileNote, error instanceof KeyFileError ? error.message : describeError(error));
      fileNote.classList.add('bad');
    }
  });
  key.addEventListener('input', () => {
    if (key.value !== '') fileKey = undefined;
  });

  const form = h(
    'form',
    { class: 'card connect', 'data-testid': 'connect-form', novalidate: true },
    h('h2', {}, 'Connect to PHAS'),
    h('p', { class: 'hint' }, 'The browser talks to PHAS same-origin (PHAS sends no CORS headers), so the server is normally this page’s own origin or a proxy of it.'),
    h('label', { for: 'server-url' }, 'Server URL'),
    url,
    h('label', { for: 'api-key' }, 'API key'),
    key,
    h('div', { class: 'or' }, 'or the key file (', h('code', {}, '{"api_key": …}'), ')'),
    file,
    fileNote,
    h('div', { class: 'actions' }, submit),
    status,
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const apiKey = key.value.trim() || fileKey;
    status.classList.remove('bad');
    if (!apiKey) {
      status.classList.add('bad');
      replace(status, 'Enter an API key or pick the key file.');
      return;
    }
    let serverUrl: string;
    try {
      serverUrl = normaliseServerUrl(url.value);
    } catch {
      status.classList.add('bad');
      replace(status, 'The server URL is not valid.');
      return;
    }
    submit.disabled = true;
    replace(status, h('span', { class: 'spinner' }), 'Connecting…');
    try {
      const client = await connectWithKey(serverUrl, apiKey);
      key.value = '';
      onConnected(client, serverUrl);
    } catch (error) {
      status.classList.add('bad');
      const crossOrigin = new URL(serverUrl).origin !== location.origin;
      replace(
        status,
        describeError(error),
        crossOrigin && error instanceof PhasNetworkError ? ' — PHAS sends no CORS headers, so a server on another origin needs a same-origin proxy.' : '',
      );
    } finally {
      submit.disabled = false;
    }
  });
  replace(container, form);
}
