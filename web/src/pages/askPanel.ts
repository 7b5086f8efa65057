import { answer, api } from '../api/client.js';
import { aiLabel } from '../aiLabel.js';
import { h, liveStatus } from '../dom.js';
import { formatTime } from '../format.js';
import { meetingHref } from '../router.js';
import type { AskAnswer } from '../types.js';
import { errorView, markedText } from './common.js';


/**
 * "Ask": a question about the archive, or one meeting, answered with every sentence linked to the
 * moments it rests on. The page asks for the whole answer as JSON; the API streams it to clients
 * that want the words as they come.
 */
export function askPanel(scope: { meetingId?: string } = {}): HTMLElement {
  const headingId = 'ask-heading';
  const input = h('input', { id: 'ask-q', name: 'question', type: 'text', required: true, autocomplete: 'off' });
  const status = liveStatus();
  const answer = h('div', { class: 'ask-answer' });
  const form = h(
    'form',
    { class: 'form ask-form' },
    h('div', { class: 'field' }, h('label', { for: 'ask-q' }, scope.meetingId === undefined ? 'Ask a question about the archive' : 'Ask a question about this meeting'), input),
    h('button', { type: 'submit', class: 'primary' }, 'Ask'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (question === '') return;
    status.textContent = 'Looking for the answer…';
    answer.replaceChildren();
    ask(question, scope.meetingId).then(
      (result) => {
        status.textContent = result.answered ? '' : result.text;
        answer.replaceChildren(...answerView(result));
      },
      (error: unknown) => {
        status.textContent = '';
        answer.replaceChildren(errorView(error));
      },
    );
  });
  return h('section', { class: 'card ask', 'aria-labelledby': headingId }, h('h2', { id: headingId }, 'Ask'), form, status, answer);
}

async function ask(question: string, meetingId: string | undefined): Promise<AskAnswer> {
  // The whole answer as JSON: the API streams it (server-sent events) only to clients that ask for that.
  return answer(api().POST('/ask', { headers: { Accept: 'application/json' }, body: { question, ...(meetingId === undefined ? {} : { meetingId }) } }));
}

function answerView(result: AskAnswer): HTMLElement[] {
  if (!result.answered) return [];
  return [
    aiLabel(result.generatedBy),
    h(
      'ol',
      { class: 'ask-sentences' },
      result.sentences.map((sentence) =>
        h(
          'li',
          {},
          markedText(sentence.text),
          ' ',
          sentence.citations.map((citation) => h('a', { class: 'citation', href: meetingHref(citation.meetingId, citation.startMs) }, `[${formatTime(citation.startMs)}]`)),
        ),
      ),
    ),
    ...(result.notice === null ? [] : [h('p', { class: 'meta' }, result.notice)]),
  ];
}
