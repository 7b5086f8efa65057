import { describe, expect, it } from 'vitest';
import { summarizeExtractive } from '../../../../lib/domain/understanding/summarizeExtractive.js';
import { transcriptOf, type Turn } from '../transcriptBuilder.js';

const ANSWER = (topic: string): string =>
  `The department has looked closely at ${topic} this year, and the funding we announced for ${topic} reaches every province; the officials will keep working with the provinces on ${topic} until the programme is in place for everyone who needs it.`;

/** A committee sitting: the chair opens it, walks through its parts, and members question ministers. */
function committeeSitting(): Turn[] {
  const exchange = (member: string, minister: string, topic: string): Turn[] => [
    { speaker: member, text: `Mr. Chair, my question is for the minister about ${topic}. When will ${topic} reach the families who were promised it in the spring?`, durationMs: 30_000 },
    { speaker: minister, text: ANSWER(topic), durationMs: 60_000 },
  ];
  return [
    { speaker: 'The Chair', text: 'I call this meeting to order. Welcome to meeting number 22 of the Special Committee on the Pandemic. We will now proceed to presenting petitions.', durationMs: 20_000 },
    { speaker: 'Mr. Tom Reed', text: 'Mr. Chair, I rise to table a petition signed by many residents of my riding about rural broadband and its cost to families.', durationMs: 30_000 },
    { speaker: 'The Chair', text: 'We will now proceed to the questioning of ministers.', durationMs: 5_000 },
    ...exchange('Mrs. Anne Cole', 'Hon. Bill Blair', 'veterans benefits'),
    ...exchange('Mrs. Anne Cole', 'Hon. Bill Blair', 'veterans benefits'),
    ...exchange('Mr. Tom Reed', 'Hon. Mona Fortier', 'rural broadband'),
    ...exchange('Mr. Tom Reed', 'Hon. Mona Fortier', 'rural broadband'),
    ...exchange('Mrs. Anne Cole', 'Hon. Bill Blair', 'veterans benefits'),
  ];
}

describe('summary overview of a meeting run as questions and answers', () => {
  it('says what the meeting was, the parts the chair walked through, and who asked whom about what', () => {
    const overview = summarizeExtractive(transcriptOf(committeeSitting()), { maxWords: 150 }).sections.overview.map((line) => line.text);
    expect(overview[0]).toBe('This was meeting number 22 of the Special Committee on the Pandemic.');
    expect(overview).toContain('The meeting went through presenting petitions and the questioning of ministers.');
    expect(overview).toContain('Mrs. Anne Cole asked Hon. Bill Blair about veterans benefits.');
    expect(overview).toContain('Mr. Tom Reed asked Hon. Mona Fortier about rural broadband.');
  });

  it('names the kick-off meeting the chair announces, in the third person', () => {
    const turns: Turn[] = [
      { speaker: 'Project Manager', text: "Okay. Well this is the kick-off meeting for our project. We're designing a new remote control with a rubber case.", durationMs: 20_000 },
      ...Array.from({ length: 12 }, (_, i): Turn => ({ speaker: i % 2 === 0 ? 'Marketing' : 'Project Manager', text: `The remote control needs a rubber case and a bright colour, and the buttons should be large number ${i}.`, durationMs: 20_000 })),
    ];
    const summary = summarizeExtractive(transcriptOf(turns), { maxWords: 100 });
    expect(summary.sections.overview[0]?.text).toBe('This was the kick-off meeting for their project.');
    // A discussion is not questions and answers: no "asked … about" lines.
    expect(summary.text).not.toMatch(/ asked /);
  });

  it('does not retell thanks as a key point', () => {
    const turns: Turn[] = committeeSitting().map((turn) => (turn.speaker.startsWith('Hon.') ? { ...turn, text: `I would like to thank the honourable member for her important question about the funding. ${turn.text}` } : turn));
    const keyPoints = summarizeExtractive(transcriptOf(turns), { maxWords: 150 }).sections.keyPoints.map((line) => line.text);
    expect(keyPoints.join(' ')).not.toMatch(/thank/i);
  });
});
