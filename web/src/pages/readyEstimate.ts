import { h } from '../dom.js';
import type { MeetingSummary, ReadyEstimate } from '../types.js';
import { formatDuration } from './meetingIdentity.js';

const STEP_WORDS: Record<string, string> = {
  intake: 'Checking the recording',
  transcribe: 'Transcribing',
  translate: 'Translating',
  understand: 'Writing the notes',
  index: 'Indexing for search',
  publish: 'Publishing',
};

/** "translate.fr" → "Translating (fr)". */
export function stepWords(step: string | null): string {
  if (step === null) return 'Starting';
  const [base = step, language] = step.split('.');
  return `${STEP_WORDS[base] ?? base}${language === undefined ? '' : ` (${language})`}`;
}

function readyIn(estimate: ReadyEstimate): string {
  const at = new Date(estimate.readyAt);
  const clock = Number.isNaN(at.getTime()) ? '' : ` (around ${at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })})`;
  return estimate.remainingMs < 60_000 ? `notes ready in under a minute${clock}` : `notes ready in about ${formatDuration(estimate.remainingMs)}${clock}`;
}

/** One line for a list row: the step running and when the notes should be ready. */
export function progressLine(meeting: MeetingSummary): HTMLElement | null {
  const estimate = meeting.progress;
  if (meeting.state !== 'processing' || estimate === null || estimate === undefined) return null;
  return h('p', { class: 'progress-line' }, `${stepWords(estimate.step)} — step ${Math.min(estimate.stepsDone + 1, estimate.stepsTotal)} of ${estimate.stepsTotal}; ${readyIn(estimate)}.`);
}

/** The same on the meeting page, with how the estimate was made. */
export function progressDetail(meeting: MeetingSummary): HTMLElement | null {
  const estimate = meeting.progress;
  const line = progressLine(meeting);
  if (line === null || estimate === null || estimate === undefined) return null;
  const length = `${estimate.recordingLengthExact ? '' : 'about '}${formatDuration(estimate.recordingMs)}`;
  const basis =
    estimate.basis === 'measured'
      ? `each step's time per minute of recording, measured on the last ${estimate.samples} processed ${estimate.samples === 1 ? 'meeting' : 'meetings'}`
      : 'built-in step speeds (none measured here yet)';
  return h('div', { class: 'progress-detail' }, line, h('p', { class: 'hint' }, `Estimated from the recording's length (${length}) and ${basis}. This page updates itself.`));
}
