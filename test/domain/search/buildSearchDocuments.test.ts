import { describe, expect, it } from 'vitest';
import { buildSearchDocuments } from '../../../lib/domain/search/buildSearchDocuments.js';
import { UNDERSTANDING_SCHEMA_VERSION, type ActionItems, type Chapters, type Summary } from '../../../lib/domain/understanding/schema.js';
import { transcriptOf } from './fixtures.js';

const longTurn = (topic: string, words: number): string => Array.from({ length: words }, (_, index) => `${topic}${index % 7}`).join(' ');

const transcript = transcriptOf('m1', [
  ['Laura', 'Welcome everyone, today we review the remote control budget.'],
  ['David', 'Mm-hmm.'],
  ['David', 'The casing costs twelve euros, which is too expensive.'],
  ['Andrew', 'Yeah. Okay.'],
  ['Andrew', 'Marketing research says people want a rubber casing.'],
  ['Laura', 'Then David should ask the factory for a cheaper rubber quote.'],
  ['Craig', 'The buttons should light up in the dark.'],
  ['Laura', 'Good, let us move on to the interface.'],
  ['Craig', 'Speech recognition would be expensive but popular with younger users.'],
  ['David', 'Uh, right.'],
]);

const summary: Summary = {
  schemaVersion: UNDERSTANDING_SCHEMA_VERSION,
  meetingId: 'm1',
  engine: 'test',
  text: 'The team reviewed the budget and chose a rubber casing.',
  sentences: [
    { text: 'The team reviewed the budget.', utteranceIds: ['u0', 'u2'] },
    { text: 'They chose a rubber casing.', utteranceIds: ['u4'] },
  ],
};

const actionItems: ActionItems = {
  schemaVersion: UNDERSTANDING_SCHEMA_VERSION,
  meetingId: 'm1',
  engine: 'test',
  items: [
    { id: 'a1', text: 'Ask the factory for a rubber quote', owner: 'David', dueDate: null, dueText: 'by Friday', utteranceIds: ['u5'], startMs: 50_000 },
    { id: 'a2', text: 'Prototype lit buttons', owner: null, dueDate: null, dueText: null, utteranceIds: ['u6', 'u99'], startMs: 60_000 },
  ],
};

const chapters: Chapters = {
  schemaVersion: UNDERSTANDING_SCHEMA_VERSION,
  meetingId: 'm1',
  engine: 'test',
  chapters: [
    { id: 'c1', title: 'Budget and casing', startMs: 0, endMs: 59_000, utteranceIds: ['u0', 'u5'] },
    { id: 'c2', title: 'Interface', startMs: 60_000, endMs: 99_000, utteranceIds: ['u6', 'u7', 'u8'] },
  ],
};

describe('buildSearchDocuments', () => {
  const documents = buildSearchDocuments({ tenantId: 't1', transcript, summary, actionItems, chapters });
  const ofKind = (kind: string) => documents.filter((document) => document.kind === kind);

  it('gives every document a deterministic id per kind, the tenant and the meeting', () => {
    expect(documents.map((document) => document.id)).toEqual(buildSearchDocuments({ tenantId: 't1', transcript, summary, actionItems, chapters }).map((document) => document.id));
    expect(new Set(documents.map((document) => document.id)).size).toBe(documents.length);
    ofKind('transcript').forEach((document, n) => expect(document.id).toBe(`m1:transcript:${n}`));
    expect(ofKind('summary').map((document) => document.id)).toEqual(['m1:summary:0']);
    expect(ofKind('action_item').map((document) => document.id)).toEqual(['m1:action_item:0', 'm1:action_item:1']);
    expect(ofKind('chapter').map((document) => document.id)).toEqual(['m1:chapter:0', 'm1:chapter:1']);
    for (const document of documents) {
      expect(document.tenantId).toBe('t1');
      expect(document.meetingId).toBe('m1');
    }
  });

  it('covers every turn with content in overlapping transcript windows, and leaves fillers out', () => {
    const windows = ofKind('transcript');
    expect(windows.length).toBeGreaterThan(1);
    const covered = new Set(windows.flatMap((window) => window.utteranceIds));
    expect([...covered].sort()).toEqual(['u0', 'u2', 'u4', 'u5', 'u6', 'u7', 'u8']);
    for (const [previous, next] of windows.slice(1).map((window, index) => [windows[index]!, window] as const)) {
      const shared = next.utteranceIds.filter((id) => previous.utteranceIds.includes(id));
      expect(shared.length).toBeGreaterThanOrEqual(1);
      expect(shared.length).toBeLessThanOrEqual(2);
    }
    expect(windows.map((window) => window.text).join('\n')).not.toMatch(/Mm-hmm|Uh, right/);
  });

  it('writes windows as "Name: words" and times them by their utterances', () => {
    const [first] = ofKind('transcript');
    expect(first!.text.split('\n')[0]).toBe('Laura: Welcome everyone, today we review the remote control budget.');
    expect(first!.startMs).toBe(0);
    const lastId = first!.utteranceIds[first!.utteranceIds.length - 1]!;
    expect(first!.endMs).toBe(transcript.utterances.find((utterance) => utterance.id === lastId)!.endMs);
  });

  it('names the speaker who said the most words in a window', () => {
    const solo = transcriptOf('m2', [
      ['Ann', 'Short budget note.'],
      ['Ben', 'A much longer explanation of the casing material, its cost and the supplier schedule.'],
    ]);
    const [window] = buildSearchDocuments({ tenantId: 't1', transcript: solo });
    expect(window!.speaker).toBe('Ben');
  });

  it('splits a long monologue into parts with interpolated times', () => {
    const speech = transcriptOf('m3', [['Minister', longTurn('policy', 400)]]);
    const windows = buildSearchDocuments({ tenantId: 't1', transcript: speech });
    expect(windows.length).toBeGreaterThanOrEqual(4);
    for (const window of windows) {
      expect(window.utteranceIds).toEqual(['u0']);
      expect(window.text.split(/\s+/).length).toBeLessThanOrEqual(130);
    }
    expect(windows[0]!.startMs).toBe(0);
    expect(windows[windows.length - 1]!.endMs).toBe(9_000);
    const starts = windows.map((window) => window.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('makes no transcript document of a meeting that is only fillers', () => {
    const fillers = transcriptOf('m4', [
      ['Ann', 'Okay.'],
      ['Ben', 'Mm-hmm.'],
      ['Ann', 'Yeah, yeah.'],
    ]);
    expect(buildSearchDocuments({ tenantId: 't1', transcript: fillers })).toEqual([]);
  });

  it('makes one summary document spanning its citations', () => {
    const [document] = ofKind('summary');
    expect(document!.text).toBe(summary.text);
    expect(document!.speaker).toBeNull();
    expect(document!.utteranceIds).toEqual(['u0', 'u2', 'u4']);
    expect(document!.startMs).toBe(0);
    expect(document!.endMs).toBe(49_000);
  });

  it('makes one document per action item, with owner and due words, ignoring unknown citations', () => {
    const [quote, buttons] = ofKind('action_item');
    expect(quote!.text).toBe('Ask the factory for a rubber quote Owner: David. Due: by Friday.');
    expect(quote!.speaker).toBe('Laura');
    expect([quote!.startMs, quote!.endMs]).toEqual([50_000, 59_000]);
    expect(buttons!.utteranceIds).toEqual(['u6']);
    expect(buttons!.speaker).toBe('Craig');
  });

  it('makes one document per chapter: its title and the head of its text', () => {
    const [budget] = ofKind('chapter');
    expect(budget!.text.startsWith('Budget and casing\nWelcome everyone')).toBe(true);
    expect(budget!.utteranceIds).toEqual(['u0', 'u5']);
    expect([budget!.startMs, budget!.endMs]).toEqual([0, 59_000]);
  });

  it('leaves out results that are absent', () => {
    const documents = buildSearchDocuments({ tenantId: 't1', transcript });
    expect(documents.every((document) => document.kind === 'transcript')).toBe(true);
  });
});
