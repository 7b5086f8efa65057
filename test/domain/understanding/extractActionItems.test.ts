import { describe, expect, it } from 'vitest';
import { extractActionItems } from '../../../lib/domain/understanding/extractActionItems.js';
import { ActionItemSchema } from '../../../lib/domain/understanding/schema.js';
import { transcriptOf, type Turn } from './transcriptBuilder.js';

// Wednesday 13 March 2024, local time: "Friday" is the 15th, "next Tuesday" the 19th.
const meetingDate = new Date(2024, 2, 13, 10, 0);
const itemsOf = (turns: Turn[]) => extractActionItems(transcriptOf(turns), { meetingDate });

describe('extractActionItems', () => {
  it('gives a first-person commitment to the speaker, with its due date', () => {
    const items = itemsOf([{ speaker: 'Alice Chen', text: "Okay, I'll send the specs to the supplier by Friday." }]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      owner: 'Alice Chen',
      dueDate: '2024-03-15',
      dueText: 'by Friday',
      utteranceIds: ['u0'],
      startMs: 0,
      text: "I'll send the specs to the supplier by Friday.",
    });
  });

  it('gives a request to the person addressed, by their display name', () => {
    const items = itemsOf([
      { speaker: 'David Smith', text: 'The battery might be a problem.' },
      { speaker: 'Alice Chen', text: 'David, can you look into the battery options before next Tuesday?' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owner: 'David Smith', dueDate: '2024-03-19', dueText: 'before next Tuesday', utteranceIds: ['u1'] });
  });

  it('gives an assignment to the person named', () => {
    const items = itemsOf([
      { speaker: 'Bob', text: 'Fine by me.' },
      { speaker: 'Alice', text: 'Bob will prepare the cost estimate for the rubber case.' },
    ]);
    expect(items.map((item) => item.owner)).toEqual(['Bob']);
  });

  it('reads explicit action items', () => {
    const items = itemsOf([{ speaker: 'Alice', text: 'Action item: Sarah to update the project plan.' }]);
    expect(items).toHaveLength(1);
    expect(items[0]?.owner).toBe('Sarah');
  });

  it('leaves group obligations without an owner', () => {
    const items = itemsOf([{ speaker: 'Alice', text: 'We need to book the meeting room for the review tomorrow.' }]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owner: null, dueDate: '2024-03-14', dueText: 'tomorrow' });
  });

  it('has no due date when none is named, and ignores idioms that look like dates', () => {
    const items = itemsOf([{ speaker: 'Alice', text: "At the end of the day I'll email the survey results to everyone." }]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ dueDate: null, dueText: null });
  });

  it('ignores questions that are not requests, hypotheticals, negations and filler', () => {
    const items = itemsOf([
      { speaker: 'A', text: 'Should we use a rubber case for the remote?' },
      { speaker: 'B', text: 'Do you think we need to change the battery supplier?' },
      { speaker: 'C', text: 'If we had more money we would send the prototype to a lab.' },
      { speaker: 'D', text: "Maybe I'll check the colour samples." },
      { speaker: 'A', text: "I don't think we need to book the lab." },
      { speaker: 'B', text: 'Um, yeah, okay. Mm-hmm.' },
      { speaker: 'C', text: "Let's see." },
    ]);
    expect(items).toEqual([]);
  });

  it("ignores the meeting's own business", () => {
    const items = itemsOf([
      { speaker: 'A', text: 'Let me show you the next slide about the market survey.' },
      { speaker: 'B', text: "I'm going to talk about the interface design today." },
      { speaker: 'C', text: 'Can you see the pictures of the remote controls?' },
      { speaker: 'D', text: "Let's move on to the functional requirements." },
    ]);
    expect(items).toEqual([]);
  });

  it('merges repeats, keeping the first mention and the later due date', () => {
    const items = itemsOf([
      { speaker: 'Alice', text: "I'll send the budget spreadsheet to everyone." },
      { speaker: 'Bob', text: 'Great.' },
      { speaker: 'Alice', text: 'Yes, I will send the budget spreadsheet to everyone by Monday.' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owner: 'Alice', dueDate: '2024-03-18', utteranceIds: ['u0', 'u2'] });
  });

  it('lists items in spoken order, citing utterances that exist', () => {
    const transcript = transcriptOf([
      { speaker: 'Alice', text: "I'll draft the press release for the launch." },
      { speaker: 'Bob', text: 'Could you also forward the supplier contract to legal?' },
      { speaker: 'Carol', text: 'Make sure the prototype batteries are charged before the demo on Friday.' },
    ]);
    const items = extractActionItems(transcript, { meetingDate });
    const ids = new Set(transcript.utterances.map((utterance) => utterance.id));
    expect(items.map((item) => item.utteranceIds[0])).toEqual(['u0', 'u1', 'u2']);
    for (const [i, item] of items.entries()) {
      expect(ActionItemSchema.safeParse({ id: `a${i + 1}`, ...item }).success).toBe(true);
      expect(item.utteranceIds.every((id) => ids.has(id))).toBe(true);
    }
  });

  it('returns nothing for an empty transcript', () => {
    expect(extractActionItems(transcriptOf([]), { meetingDate })).toEqual([]);
  });
});
