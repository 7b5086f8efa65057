import { h } from '../dom.js';
import { languageName } from '../format.js';
import type { Meeting } from '../types.js';

/** Skip reasons the workflow writes when no translation provider is configured (see lib/domain/workflow/steps/translate.ts). */
const NO_PROVIDER = /no translation provider|not configured|no provider/i;

/**
 * Translations the tenant asked for that did not happen, and why: without this the language
 * switch simply lacks them. Skipped for want of a provider says what to set.
 */
export function translationNotice(meeting: Meeting): HTMLElement | null {
  const missing = (meeting.manifest?.translations ?? []).filter((translation) => translation.state !== 'succeeded');
  if (missing.length === 0) return null;
  const names = missing.map((translation) => languageName(translation.language)).join(', ');
  const isNoProvider = (t: (typeof missing)[number]) => t.state === 'skipped' && NO_PROVIDER.test(t.reason ?? '');
  const noProvider = missing.some(isNoProvider);
  const other = missing.filter((t) => !isNoProvider(t));
  return h(
    'section',
    { class: 'notice translation-notice', 'aria-label': 'Translations' },
    h('p', {}, h('strong', {}, `Not translated: ${names}.`), ...other.map((t) => ` ${languageName(t.language)}: ${t.state}${t.reason ? ` — ${t.reason}` : ''}.`)),
    noProvider
      ? h(
          'p',
          {},
          'This tenant asks for translations, but no translation provider is configured. Set ',
          h('code', {}, 'OPENAI_API_KEY'),
          ' (any OpenAI-compatible endpoint with ',
          h('code', {}, 'OPENAI_BASE_URL'),
          ') and restart, then reprocess the meeting from the translate step (',
          h('code', {}, `aftercall reprocess ${meeting.meetingId} --from translate`),
          ').',
        )
      : null,
  );
}
