const CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

let codeByName: Map<string, string> | undefined;

/**
 * Whisper's verbose answer names the language in English ("english"); the transcript keeps
 * codes ("en"), like the other sources. The reverse table comes from the runtime's own
 * language names over every two-letter code, so there is no list to maintain.
 */
export function languageCode(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text.length === 0) return null;
  if (CODE.test(text)) return text;
  codeByName ??= buildTable();
  return codeByName.get(text.toLowerCase()) ?? null;
}

function buildTable(): Map<string, string> {
  const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const table = new Map<string, string>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const first of letters) {
    for (const second of letters) {
      const code = `${first}${second}`;
      const name = names.of(code)?.toLowerCase();
      if (name !== undefined && name !== code && !table.has(name)) table.set(name, code);
    }
  }
  return table;
}
