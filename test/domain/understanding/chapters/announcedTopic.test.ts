import { describe, expect, it } from 'vitest';
import { announcedTopic } from '../../../../lib/domain/understanding/chapters/announcedTopic.js';

describe('announcedTopic', () => {
  it('takes the noun phrase after a topic-opening phrase, without fillers or the article', () => {
    expect(announcedTopic('Okay, um, so let us move on to the uh remote control budget, if that is alright.')).toBe('remote control budget');
  });

  it("reads a chair's hand-over of questions on a subject", () => {
    expect(announcedTopic("We've got some more detailed questions now on school transport, from Siân Gwenllian.")).toBe('school transport');
  });

  it('ignores moves that name the meeting machinery rather than a topic', () => {
    expect(announcedTopic('Can you go on to the next slide, please.')).toBeNull();
  });

  it('returns null when nothing is announced or the words that follow are not a short phrase', () => {
    expect(announcedTopic('I think the battery is fine.')).toBeNull();
    expect(announcedTopic('we should talk about the long list of remote control battery charging options available')).toBeNull();
  });
});
