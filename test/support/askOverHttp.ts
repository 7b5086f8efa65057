/** One server-sent event as read off the wire. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/** The events of a text/event-stream body, in order (`event:` and `data:` lines, blank-line separated). */
export function parseSse(body: string): SseEvent[] {
  return body
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** POST /api/ask with a key; `json` asks for the whole answer as JSON instead of events. */
export async function askOverHttp(baseUrl: string, key: string, body: Record<string, unknown>, options: { json?: boolean } = {}) {
  const response = await fetch(`${baseUrl}/api/ask`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', Accept: options.json === true ? 'application/json' : 'text/event-stream' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, events: () => parseSse(text), json: () => JSON.parse(text) as Record<string, unknown> };
}

/** A WebVTT transcript from [speaker, text] turns, 10 s each. */
export const vttOf = (turns: readonly (readonly [string, string])[]): string =>
  `WEBVTT\n\n${turns.map(([speaker, text], i) => `${stamp(i * 10)} --> ${stamp(i * 10 + 9)}\n<v ${speaker}>${text}</v>\n`).join('\n')}`;

const stamp = (seconds: number): string => `00:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;
