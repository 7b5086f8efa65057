import { describe, expect, it } from 'vitest';
import { reportSpeech } from '../../../../lib/domain/understanding/summary/reportSpeech.js';
import { speakerReference } from '../../../../lib/domain/understanding/summary/speakerReference.js';

const laura = speakerReference('Laura');
const manager = speakerReference('Project Manager');

describe('reportSpeech', () => {
  it.each([
    ['I think we should use a rubber case.', laura, 'Laura suggested that the group should use a rubber case.'],
    ["Let's go with the kinetic battery.", manager, 'The project manager proposed that the group go with the kinetic battery.'],
    ['We need to keep the cost under twelve Euro.', laura, 'Laura said that the group needs to keep the cost under twelve Euro.'],
    ["I'll send you the specs by Friday.", laura, 'Laura will send you the specs by Friday.'],
    ["I'm gonna draw the remote on the board.", laura, 'Laura will draw the remote on the board.'],
    ['I want a remote that glows in the dark.', manager, 'The project manager wants a remote that glows in the dark.'],
    ['I found that most users only use four buttons.', laura, 'Laura found that most users only use four buttons.'],
    ['I agree that yellow is too bright.', laura, 'Laura agreed that yellow is too bright.'],
    ['We are choosing the battery today.', laura, 'Laura said that they are choosing the battery today.'],
    ['Our customers are young, you know, and like fashion.', laura, 'Laura said that their customers are young and like fashion.'],
    ['The solar cells are too expensive for our budget because they cost four Euro.', manager, 'The project manager explained that the solar cells are too expensive for their budget because they cost four Euro.'],
    ['The U.S. market wants plan B.', laura, 'Laura said that the U.S. market wants plan B.'],
  ])('retells %j', (sentence, speaker, expected) => {
    expect(reportSpeech(sentence, speaker)?.text).toBe(expected);
  });

  // Instructions, questions, proposals and advice, each retold as a grammatical sentence.
  it.each([
    ['Um yeah so design a new remote control.', manager, 'The project manager asked the group to design a new remote control.'],
    ['Okay, now please send me your slides.', laura, null],
    ['Please send the figures to your team.', laura, 'Laura asked the group to send the figures to their team.'],
    ["Don't forget the budget limit.", manager, 'The project manager asked the group not to forget the budget limit.'],
    ['Remember to bring the prototypes.', laura, 'Laura reminded the group to bring the prototypes.'],
    ['Design is the key thing here.', laura, 'Laura said that design is the key thing here.'],
    ['Take your headsets off.', laura, 'Laura asked the group to take their headsets off.'],
    ["Let's keep the buttons large.", laura, 'Laura proposed that the group keep the buttons large.'],
    ['We should ask the users first.', manager, 'The project manager suggested that the group should ask the users first.'],
    ['Could you send the figures?', laura, null],
  ])('retells the form of %j', (sentence, speaker, expected) => {
    expect(reportSpeech(sentence, speaker)?.text ?? null).toBe(expected);
  });

  it.each([
    ['How much does a remote control cost.'],
    ['Is it within budget?'],
    ['I told them that I would call.'],
    ["Let's move on to the next slide."],
  ])('will not retell %j', (sentence) => {
    expect(reportSpeech(sentence, laura)).toBeNull();
  });

  it('speaks of roles as roles and leaves out what brackets add to a name', () => {
    expect(speakerReference('Industrial Designer')).toEqual({ subject: 'The industrial designer', inline: 'the industrial designer' });
    expect(speakerReference('The Acting Chair (Mrs. Carol Hughes)')).toEqual({ subject: 'The acting chair', inline: 'the acting chair' });
    expect(speakerReference('Hon. Chrystia Freeland (Deputy Prime Minister)')).toEqual({ subject: 'Hon. Chrystia Freeland', inline: 'Hon. Chrystia Freeland' });
    expect(speakerReference('Speaker 1')).toEqual({ subject: 'Speaker 1', inline: 'Speaker 1' });
  });
});
