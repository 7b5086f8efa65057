// The fake server's default "model": answers the structured requests aftercall sends with
// something plausible and real-shaped, read from the lines of the prompt. It knows the two
// schemas by name (meeting_notes, translation); anything else gets an empty object.

export interface ChatMessage {
  role: string;
  content: string | null;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  response_format?: { type: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } };
}

/** Request JSON in, the JSON object the model "answers" out. */
export type Brain = (request: ChatRequest) => unknown;

export const defaultBrain: Brain = (request) => {
  const name = request.response_format?.json_schema?.name;
  // A repair conversation repeats the original request first: answer that one, correctly.
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  if (name === 'meeting_notes') return meetingNotes(user);
  if (name === 'translation') return translation(system, user);
  return {};
};

interface Line {
  id: string;
  tag: string;
  speaker: string;
  text: string;
}

const TRANSCRIPT_LINE = /^\[(u\d+) (\S+)\] (.*)$/;
const NOTE_LINE = /^(overview|point|action|decision|chapter|name): (.*) \[((?:u\d+ ?)+)\]$/;
const INTRODUCTION = /\b(?:I'm|I am|my name is) (\p{Lu}\p{Ll}+)/u;
const SETTLED = /\b(decided|agreed|go with|stick (?:to|with))\b/i;
const COMMITMENT = /\b(I'll|I will|we'll|we will|need to|have to|going to|let's)\b/i;
const DUE = /\b(by (?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|the end of the week))\b/i;

function meetingNotes(user: string): unknown {
  const legend = new Map<string, string>();
  for (const match of user.matchAll(/(S\d+)=([^;\n]+)/g)) if (match[1] && match[2]) legend.set(match[1], match[2].trim());
  const rows = user.split('\n');
  const lines: Line[] = rows.flatMap((row) => {
    const m = TRANSCRIPT_LINE.exec(row);
    return m?.[1] && m[2] && m[3] !== undefined ? [{ id: m[1], tag: m[2], speaker: legend.get(m[2]) ?? m[2], text: m[3] }] : [];
  });
  if (lines.length > 0) return notesFromTranscript(lines);
  return mergeNotes(rows);
}

function notesFromTranscript(lines: Line[]): unknown {
  const thirds = [0, Math.floor(lines.length / 3), Math.floor((2 * lines.length) / 3)];
  const picks = [...new Set(thirds)].flatMap((i) => (lines[i] ? [lines[i]] : []));
  const actions = lines.filter((line) => COMMITMENT.test(line.text)).slice(0, 3);
  const first = lines[0];
  return {
    overview: first === undefined ? [] : [{ text: `The meeting opened with ${words(first.text, 8)}.`, ids: [first.id] }],
    keyPoints: picks.map((line) => ({ text: `${line.speaker} said: ${words(line.text, 12)}.`, ids: [line.id] })),
    actionItems: actions.map((line) => ({
      text: words(line.text, 12),
      owner: line.speaker,
      dueText: DUE.exec(line.text)?.[1] ?? null,
      dueDate: null,
      ids: [line.id],
    })),
    decisions: lines.filter((line) => SETTLED.test(line.text)).map((line) => ({ text: words(line.text, 12), ids: [line.id] })),
    chapters: picks.map((line) => ({ title: words(line.text, 4) || 'Discussion', ids: [line.id] })),
    speakerNames: lines.flatMap((line) => {
      const name = INTRODUCTION.exec(line.text)?.[1];
      return name === undefined ? [] : [{ speaker: line.tag, name, kind: 'introduced', ids: [line.id] }];
    }),
  };
}

// The merge: the first part's overview, the first key point of each part, every action item,
// decision and chapter, the first name proposed for each speaker.
function mergeNotes(rows: string[]): unknown {
  const overview: { text: string; ids: string[] }[] = [];
  const keyPoints: { text: string; ids: string[] }[] = [];
  const speakerNames: { speaker: string; name: string; kind: string; ids: string[] }[] = [];
  let part = 0;
  const actionItems: { text: string; owner: string | null; dueText: string | null; dueDate: string | null; ids: string[] }[] = [];
  const decisions: { text: string; ids: string[] }[] = [];
  const chapters: { title: string; ids: string[] }[] = [];
  let tookSummaryOfPart = false;
  for (const row of rows) {
    if (row.startsWith('Part ')) {
      tookSummaryOfPart = false;
      part += 1;
    }
    const m = NOTE_LINE.exec(row);
    if (!m?.[1] || m[2] === undefined || !m[3]) continue;
    const ids = m[3].trim().split(' ');
    if (m[1] === 'overview' && part === 1) overview.push({ text: m[2], ids });
    if (m[1] === 'point' && !tookSummaryOfPart && keyPoints.length < 8) {
      keyPoints.push({ text: m[2], ids });
      tookSummaryOfPart = true;
    }
    const named = m[1] === 'name' ? /^(\S+)=(.+) \((introduced|addressed)\)$/.exec(m[2]) : null;
    if (named?.[1] && named[2] && named[3] && !speakerNames.some((p) => p.speaker === named[1])) speakerNames.push({ speaker: named[1], name: named[2], kind: named[3], ids });
    if (m[1] === 'action') {
      const [text = '', ...fields] = m[2].split(' | ');
      const field = (key: string): string | null => fields.find((f) => f.startsWith(`${key}: `))?.slice(key.length + 2) ?? null;
      const due = field('due');
      const dueDate = due === null ? null : (/\((\d{4}-\d{2}-\d{2})\)$/.exec(due)?.[1] ?? null);
      const dueText = due === null ? null : due.replace(/\s*\(\d{4}-\d{2}-\d{2}\)$/, '') || null;
      actionItems.push({ text, owner: field('owner'), dueText, dueDate, ids });
    }
    if (m[1] === 'decision') decisions.push({ text: m[2], ids });
    if (m[1] === 'chapter') chapters.push({ title: m[2], ids });
  }
  return { overview, keyPoints, actionItems, decisions, chapters, speakerNames };
}

function translation(system: string, user: string): unknown {
  const language = /\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)/.exec(system)?.[1] ?? 'xx';
  const segments = user.split('\n').flatMap((row) => {
    const m = /^\[(u\d+)\] ?(.*)$/.exec(row);
    return m?.[1] ? [{ id: m[1], text: `[${language}] ${m[2] ?? ''}` }] : [];
  });
  return { segments };
}

const words = (text: string, count: number): string => text.split(/\s+/).filter(Boolean).slice(0, count).join(' ');
