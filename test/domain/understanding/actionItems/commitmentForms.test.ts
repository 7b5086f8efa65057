import { describe, expect, it } from 'vitest';
import { extractActionItems } from '../../../../lib/domain/understanding/extractActionItems.js';
import { transcriptOf, type Turn } from '../transcriptBuilder.js';

// Wednesday 13 March 2024.
const meetingDate = new Date(2024, 2, 13, 10, 0);
const itemsOf = (turns: Turn[]) => extractActionItems(transcriptOf(turns), { meetingDate });
const one = (speaker: string, text: string) => itemsOf([{ speaker, text }]);

// The forms of commitment and assignment the rules are meant to read, in words of our own (not the labelled meetings').
describe('action items: general forms of commitment and assignment', () => {
  it('finds the second commitment when the first is done in the meeting', () => {
    const items = one('Nina Park', "First I'll take notes during this call and I will circulate a summary to the team.");
    expect(items).toHaveLength(1);
    expect(items[0]?.owner).toBe('Nina Park');
  });

  it('keeps a promise of follow-up work behind a condition, not a hedged option', () => {
    expect(one('Omar Ruiz', "If the vendor replies, I'll forward the quote to everyone before Friday.")).toHaveLength(1);
    expect(one('Omar Ruiz', "Unless Jo already has it, I will send you the contract.")).toHaveLength(1);
    expect(one('Omar Ruiz', 'If we had more money we could redesign the case.')).toHaveLength(0);
    expect(one('Omar Ruiz', 'Maybe I could rewrite the intro.')).toHaveLength(0);
  });

  it('reads light verbs and "make sure to" as the work they name', () => {
    expect(one('Lee Wong', "I'll have a quick conversation with the landlord about the lease.")).toHaveLength(1);
    expect(one('Lee Wong', "I'll make sure to upload the recordings to the shared drive.")).toHaveLength(1);
    expect(one('Lee Wong', 'I will talk to finance about the travel budget.')).toHaveLength(1);
    expect(one('Lee Wong', 'I will talk about the travel budget.')).toHaveLength(0);
  });

  it('reads "see if" as a check, not a condition', () => {
    expect(one('Ada Byrne', "I'll test whether the new parser handles the old files.")).toHaveLength(1);
  });

  it('takes "I was going to" as a plan only with a day', () => {
    expect(one('Ada Byrne', 'I was going to review that this afternoon.')).toHaveLength(1);
    expect(one('Ada Byrne', 'The point I was going to raise about funding has been answered.')).toHaveLength(0);
  });

  it('leaves out quoted and reported words, purpose clauses and broken-off starts', () => {
    expect(one('Ada Byrne', "Customers think, I'll buy the cheapest one on the shelf.")).toHaveLength(0);
    expect(one('Ada Byrne', "A pupil told me, 'I'm going to get a proper job here', and she meant it.")).toHaveLength(0);
    expect(one('Ada Byrne', 'Could you read out the numbers so I can write them in the report?')).toHaveLength(0);
    expect(one('Ada Byrne', "I I'll The spectral shape, anyway.")).toHaveLength(0);
  });

  it('leaves out questions put as statements, wh-questions, either-or questions and agendas', () => {
    expect(one('Ada Byrne', "You'll be leading the design team, or how many people are in it?")).toHaveLength(0);
    expect(one('Ada Byrne', 'Minister, how would you assess the effect of the grant on attendance?')).toHaveLength(0);
    expect(one('Ada Byrne', 'Can you fit a display in a soft case, or is there a problem with that?')).toHaveLength(0);
    expect(one('Ada Byrne', "I'm going to review the last minutes, then we'll hear your three presentations.")).toHaveLength(0);
    expect(one('Ada Byrne', "I'm going to Cardiff this afternoon.")).toHaveLength(0);
    expect(one('Ada Byrne', 'I will work as hard as possible for our region.')).toHaveLength(0);
  });

  it('gives "yes, I will do that" the request it answers, even put as advice', () => {
    const items = itemsOf([
      { speaker: 'Professor', text: 'That is a good check, you should compare both nets on the noisy set.' },
      { speaker: 'Student', text: 'Okay.' },
      { speaker: 'Student', text: 'I will do that.' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ owner: 'Student', utteranceIds: ['u2', 'u0'] });
  });

  it('gives work to the participant addressed by role before "you\'ll"', () => {
    const items = itemsOf([
      { speaker: 'Project Manager', text: "So before the next meeting, as the industrial designer, you're going to be working on the components." },
      { speaker: 'Industrial Designer', text: 'Okay.' },
      { speaker: 'Marketing', text: 'Right.' },
      { speaker: 'Project Manager', text: "And marketing expert, you'll be looking into what users want from it." },
      { speaker: 'Industrial Designer', text: 'Sure.' },
    ]);
    expect(items.map((item) => item.owner)).toEqual(['Industrial Designer', 'Marketing']);
  });

  it('hands out work read as a list after "your tasks"', () => {
    const items = itemsOf([
      { speaker: 'Team Lead', text: 'Okay.' },
      { speaker: 'Front End', text: 'Yes.' },
      { speaker: 'Back End', text: 'Yes.' },
      { speaker: 'Team Lead', text: 'So your individual tasks, Front End the login page mock-ups, Back End, the password reset service.' },
    ]);
    expect(items.map((item) => [item.owner, item.text])).toEqual([
      ['Front End', 'Front End: Login page mock-ups'],
      ['Back End', 'Back End: Password reset service'],
    ]);
  });

  it('reads "please ..." after a deadline and "if everyone could ..." as requests', () => {
    const items = itemsOf([
      { speaker: 'Chair', text: 'So, by the next meeting, please come up with three logo options.' },
      { speaker: 'Designer', text: 'Will do.' },
      { speaker: 'Chair', text: 'If everyone could send me their holiday dates, that would help.' },
    ]);
    expect(items.map((item) => [item.owner, item.ownerKind])).toEqual([
      ['Designer', 'person'],
      [null, 'group'],
    ]);
  });
});
