import * as chrono from 'chrono-node';

export interface DueDate {
  /** YYYY-MM-DD; null when the words name no day the meeting date fixes ("by the next meeting"). */
  date: string | null;
  /** The words that said when, e.g. "by Friday". */
  text: string;
}

// A phrase only counts as a deadline if it names a day: a weekday, a month day, today or tomorrow,
// a week or month, or "in N days". This keeps out durations ("five minutes") and idioms
// ("at the end of the day") that chrono also reads as dates.
const NAMES_A_DAY =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:today|tomorrow|tonight)\b|\b(?:next|this|coming|following)\s+(?:week|month)\b|\bin\s+(?:a|an|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?)\b|\bend of (?:the |this |next )?month\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}[/.-]\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const IDIOM = /\b(?:at )?the end of the day\b/i;
const END_OF_WEEK = /\b(?:(?:by|before|until|till)\s+)?(?:the\s+)?end of (?:the |this |next )?week\b/i;
const LEAD_IN = /\b(?:by|before|until|till|on|due|no later than|for)\s+(?:the\s+)?$/i;

const isoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const FRIDAY = 5;

// Later the same day: the meeting's own date.
const SAME_DAY = /\b(?:(?:by|before|until|till|later)\s+)?(?:this (?:afternoon|evening)|tonight|later today|end of (?:the )?day today|in (?:a few|ten|fifteen|twenty|thirty|forty|\d+) minutes)\b/i;
// Deadlines tied to the meeting series or left open: kept as said, since the next meeting's date is not known here.
const UNDATED =
  /\b(?:(?:by|before|for|until|till|at|in|after|during)\s+)?(?:the\s+)?(?:next|following|coming)\s+(?:meeting|session|time|call)\b|\bafter (?:the|this) meeting\b|\bin due course\b|\bwhen we get closer\b|\b(?:as soon as possible|asap)\b/i;

/** The Friday of the meeting's week, or of the next week: what people mean by "end of the week". */
function endOfWeek(meetingDate: Date, nextWeek: boolean): string {
  const daysToFriday = (FRIDAY - meetingDate.getDay() + 7) % 7;
  const date = new Date(meetingDate.getFullYear(), meetingDate.getMonth(), meetingDate.getDate() + daysToFriday + (nextWeek ? 7 : 0));
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * The first deadline named in a sentence, resolved against the meeting's date (chrono-node, with
 * forwardDate: a bare "Friday" is the coming one; "this afternoon", "in thirty minutes" are the
 * meeting's day). "By the next meeting", "in due course" are kept as said, with no date. Calendar
 * days are read in the local time zone of `meetingDate`. Null when the sentence names no deadline.
 */
export function findDueDate(sentence: string, meetingDate: Date): DueDate | null {
  const text = sentence.replace(IDIOM, (match) => ' '.repeat(match.length));
  const sameDay = SAME_DAY.exec(text);
  if (sameDay) return { date: isoDate(meetingDate.getFullYear(), meetingDate.getMonth() + 1, meetingDate.getDate()), text: sameDay[0].trim() };
  const undated = UNDATED.exec(text);
  const dated = datedDeadline(text, meetingDate);
  if (undated && (dated === null || undated.index < text.indexOf(dated.text))) return { date: null, text: undated[0].trim() };
  return dated;
}

function datedDeadline(text: string, meetingDate: Date): DueDate | null {
  const endOfWeekMatch = END_OF_WEEK.exec(text);
  if (endOfWeekMatch) {
    return { date: endOfWeek(meetingDate, /\bnext week\b/i.test(endOfWeekMatch[0])), text: endOfWeekMatch[0].trim() };
  }
  // chrono is the slow part of reading a meeting; a sentence naming no day cannot give one.
  if (!NAMES_A_DAY.test(text)) return null;
  for (const result of chrono.parse(text, meetingDate, { forwardDate: true })) {
    if (!NAMES_A_DAY.test(result.text)) continue;
    const leadIn = LEAD_IN.exec(text.slice(0, result.index));
    const phrase = leadIn ? text.slice(leadIn.index, result.index + result.text.length) : result.text;
    const { start } = result;
    return { date: isoDate(start.get('year') ?? 0, start.get('month') ?? 1, start.get('day') ?? 1), text: phrase.trim().replace(/[,;:]+$/, '') };
  }
  return null;
}
