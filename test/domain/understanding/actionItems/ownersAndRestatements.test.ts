import { describe, expect, it } from 'vitest';
import { extractActionItems } from '../../../../lib/domain/understanding/extractActionItems.js';
import { transcriptOf, type Turn } from '../transcriptBuilder.js';

// Monday 15 January 2024, local time.
const meetingDate = new Date(2024, 0, 15, 10, 0);
const itemsOf = (turns: Turn[]) => extractActionItems(transcriptOf(turns), { meetingDate });

describe('action item owners', () => {
  it('gives a request without a name to the one asked: the next speaker who answers', () => {
    const items = itemsOf([
      { speaker: 'Project Manager', text: 'The battery is the open question.' },
      { speaker: 'Project Manager', text: 'Could you check the battery cost before next time?' },
      { speaker: 'Industrial Designer', text: 'Yeah, sure.' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owner: 'Industrial Designer', ownerKind: 'person', dueText: 'before next time', dueDate: null });
  });

  it('gives a request to the person named in it over the next speaker', () => {
    const items = itemsOf([
      { speaker: 'Alice', text: 'David, can you send the supplier the revised drawings?' },
      { speaker: 'Bob', text: 'I think he is busy.' },
      { speaker: 'David', text: 'I can.' },
    ]);
    expect(items.map((item) => item.owner)).toEqual(['David']);
  });

  it('gives a request to "you all" to the group', () => {
    const items = itemsOf([
      { speaker: 'Chair', text: 'Could you all email me your ideas before Friday?' },
      { speaker: 'Bob', text: 'Okay.' },
    ]);
    expect(items[0]).toMatchObject({ owner: null, ownerKind: 'group', dueDate: '2024-01-19' });
  });

  it('gives "I will, yeah." in answer to a request to the one who says it, citing both', () => {
    const items = itemsOf([
      { speaker: 'Project Manager', text: 'Are you submitting the evaluation criteria, or am I?' },
      { speaker: 'Marketing', text: 'I think so.' },
      { speaker: 'Project Manager', text: 'Just wondering if I need to include it in the minutes.' },
      { speaker: 'Marketing', text: 'I will, yeah.' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owner: 'Marketing', utteranceIds: ['u3', 'u0'] });
  });

  it('gives work to a participant named by a role-like display name, and to each one the same sentence lists', () => {
    const items = itemsOf([
      { speaker: 'Project Manager', text: 'For the next meeting the Industrial Designer will do the components concept, the User Interface Designer the user interface concept.' },
      { speaker: 'Industrial Designer', text: 'Okay.' },
      { speaker: 'User Interface', text: 'Fine.' },
    ]);
    expect(items.map((item) => item.owner)).toEqual(['Industrial Designer', 'User Interface']);
    expect(items.every((item) => item.dueText === 'For the next meeting')).toBe(true);
  });

  it('gives "we" plans with a deadline to the group', () => {
    const items = itemsOf([{ speaker: 'Professor', text: "We should firm up the agenda by next Thursday's meeting." }]);
    // chrono reads "next Thursday" said on a Monday as the Thursday of next week.
    expect(items[0]).toMatchObject({ owner: null, ownerKind: 'group', dueDate: '2024-01-25' });
  });
});

describe('procedure and restatements', () => {
  it('makes no items of moves inside the meeting', () => {
    const items = itemsOf([
      { speaker: 'A', text: "I'll go to the next slide." },
      { speaker: 'A', text: 'Let me draw it.' },
      { speaker: 'B', text: "I'll write that down on the whiteboard." },
      { speaker: 'Chair', text: 'Please proceed, Mr. Ruff.' },
      { speaker: 'A', text: "We'll reconvene in thirty minutes." },
    ]);
    expect(items).toEqual([]);
  });

  it('merges one person taking work on twice in a turn, and the same task said again later', () => {
    const items = itemsOf([
      { speaker: 'Minister', text: "I'll get more details on the cases. I will pass them on directly to the member." },
      { speaker: 'Member', text: 'Thank you.' },
      { speaker: 'Minister', text: 'Again, I will get more details on the cases for the member.' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owner: 'Minister', utteranceIds: ['u0', 'u2'] });
  });

  it('keeps different people\'s work given in one turn apart', () => {
    const items = itemsOf([
      { speaker: 'Project Manager', text: "I'll put the minutes in the project folder. The Industrial Designer will prepare the components concept." },
      { speaker: 'Industrial Designer', text: 'Okay.' },
    ]);
    expect(items.map((item) => item.owner)).toEqual(['Project Manager', 'Industrial Designer']);
  });
});
