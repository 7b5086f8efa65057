import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "French (fr)": the model knows names better than codes; the code disambiguates regional variants. */
export function describeLanguage(code: string): string {
  try {
    const name = languageNames.of(code);
    return name === undefined || name === code ? code : `${name} (${code})`;
  } catch {
    return code;
  }
}

export function translationMessages(language: string, segments: readonly { id: string; text: string }[]): ChatCompletionMessageParam[] {
  const system = `Translate meeting transcript lines into ${describeLanguage(language)}. Input lines: \`[u12] text\`. Answer JSON segments: every input id exactly once, unchanged and in order, with its translation. Keep names, numbers and meaning; do not merge or split lines; copy a line with nothing to translate.`;
  const lines = segments.map((segment) => `[${segment.id}] ${segment.text.replace(/\s+/g, ' ').trim()}`);
  return [
    { role: 'system', content: system },
    { role: 'user', content: lines.join('\n') },
  ];
}
