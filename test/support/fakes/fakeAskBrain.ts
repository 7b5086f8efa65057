import type { ChatRequest } from './fakeOpenAiBrain.js';

const PASSAGE = /<passage id="(\d+)"[^>]*>\n([^\n]*)/g;

/**
 * The fake model's grounded answer to an ask prompt: one line per passage (the first three),
 * citing it and restating its first turn in at most 25 words, as a model following the prompt
 * would. No passage in the prompt: NO_ANSWER.
 */
export function groundedAnswer(request: ChatRequest): string {
  const user = request.messages.find((message) => message.role === 'user')?.content ?? '';
  const lines = [...user.matchAll(PASSAGE)].slice(0, 3).map(([, id, turn]) => {
    const [speaker, ...said] = (turn ?? '').split(': ');
    const words = said.join(': ').split(/\s+/).slice(0, 25).join(' ').replace(/[.?!,;:]*$/, '');
    return `[${id}] ${speaker} said that ${words}.`;
  });
  return lines.length === 0 ? 'NO_ANSWER' : lines.join('\n');
}
