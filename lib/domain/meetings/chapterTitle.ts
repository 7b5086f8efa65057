import { isContentToken } from '../understanding/text/contentTerms.js';
import { GENERIC_WORDS } from '../understanding/text/stopwords.js';
import { tokenize } from '../understanding/text/tokenize.js';

/**
 * Words that name any meeting or any part of one: a chapter called only this ("Project",
 * "Introduction", "General discussion") would give many meetings the same title.
 */
const MEETING_WORDS: ReadonlySet<string> = new Set([
  'meeting', 'meetings', 'project', 'projects', 'call', 'calls', 'session', 'discussion', 'discussions', 'conversation',
  'chat', 'introduction', 'introductions', 'intro', 'opening', 'welcome', 'agenda', 'update', 'updates', 'overview',
  'summary', 'recap', 'wrap', 'closing', 'close', 'conclusion', 'conclusions', 'misc', 'miscellaneous', 'topic',
  'topics', 'issue', 'issues', 'item', 'items', 'team', 'part', 'chapter', 'section', 'stuff', 'end', 'beginning',
  'remarks', 'comments', 'notes', 'business', 'any', 'aob', 'everyone', 'hello', 'morning', 'afternoon', 'evening',
]);

/** How many chapters from the start may name the meeting: a topic from far into it describes a part, not the whole. */
const CHAPTERS_CONSIDERED = 3;

/**
 * Does this chapter title say what the meeting was about? Not when it is only fillers and
 * function words ("Okay, right, um, well") or only words every meeting could be called
 * ("Project", "General discussion"): at least one word must be content of its own.
 */
export function isInformativeTitle(title: string): boolean {
  return tokenize(title).some((token) => isContentToken(token) && !GENERIC_WORDS.has(token) && !MEETING_WORDS.has(token));
}

/** The first informative title among the opening chapters, or null when none says anything. */
export function titleFromChapters(chapters: readonly { title: string }[]): string | null {
  return chapters.slice(0, CHAPTERS_CONSIDERED).map((chapter) => chapter.title.replace(/\s+/g, ' ').trim()).find(isInformativeTitle) ?? null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Meeting on 29 Nov 2026, 14:05 UTC": a title for a meeting nothing else names. In UTC, as the
 * title is stored once and read everywhere (CRM events, exports); the web UI shows the local time beside it.
 */
export function recordedTitle(recordedAt: string): string | null {
  const date = new Date(recordedAt);
  if (Number.isNaN(date.getTime())) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `Meeting on ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}
