import { loadSettings, saveSettings, type Settings } from '../api.js';
import { api } from '../api/client.js';
import { h, liveStatus } from '../dom.js';
import { navigate, type Route } from '../router.js';
import { afterSignIn } from '../signInReturn.js';
import { errorView, pageHeading, type Page } from './common.js';

/** Paste an API key (kept in this browser's localStorage) and, when hosted elsewhere, the API's URL. */
export function signInPage(main: HTMLElement, route: Route): Page {
  const previous = loadSettings();
  const keyInput = h('input', { id: 'api-key', name: 'apiKey', type: 'password', required: true, autocomplete: 'off', spellcheck: 'false' });
  const baseInput = h('input', {
    id: 'api-base',
    name: 'apiBase',
    type: 'url',
    placeholder: location.origin,
    value: previous?.baseUrl ?? '',
    'aria-describedby': 'api-base-help',
  });
  const status = liveStatus();
  const problems = h('div');

  const form = h(
    'form',
    { class: 'card form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'api-key' }, 'API key'), keyInput),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'api-base' }, 'API base URL'),
      baseInput,
      h('p', { id: 'api-base-help', class: 'hint' }, 'Leave empty when this page is served by aftercall itself.'),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
    status,
    problems,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const settings: Settings = { apiKey: keyInput.value.trim(), baseUrl: baseInput.value.trim().replace(/\/+$/, '') };
    problems.replaceChildren();
    if (settings.apiKey === '') {
      problems.append(errorView(new Error('Paste an API key.')));
      keyInput.focus();
      return;
    }
    status.textContent = 'Checking the key…';
    // Try the key before keeping it, so a typo is caught here and not on the next page.
    api(settings).GET('/meetings').then(
      () => {
        saveSettings(settings);
        navigate(afterSignIn(route.params));
      },
      (error: unknown) => {
        status.textContent = '';
        problems.append(errorView(error));
      },
    );
  });

  main.append(
    pageHeading('Sign in'),
    h('p', {}, 'Paste the API key printed when aftercall started (or one an admin gave you). It stays in this browser only.'),
    form,
  );
  return {};
}
