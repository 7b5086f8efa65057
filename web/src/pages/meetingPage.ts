import { askPanel } from './askPanel.js';
import { actionItemsEditor } from './actionItemsEditor.js';
import { editPermissions, NO_EDITS, type EditPermissions } from './editing.js';
import { speakersSection } from './speakersSection.js';
import { transcriptCorrections } from './transcriptCorrections.js';
import { ApiError, saveFile } from '../api.js';
import { keyReads, type MeetingReads } from '../api/meetingReads.js';
import { h, liveStatus, type Child } from '../dom.js';
import { formatDate, formatTime, languageName } from '../format.js';
import { createPlayer, type Player } from '../player.js';
import { meetingHref, type Route } from '../router.js';
import { transcriptView, type TranscriptView } from '../transcriptView.js';
import type { Chapter, ShownMeeting } from '../types.js';
import { withAiLabel } from '../aiLabel.js';
import { decisionsSection } from './decisionsSection.js';
import { liveCaptionsSection } from './liveCaptionsSection.js';
import { degradedLine, errorView, failureLine, pageHeading, stateBadges, type Page } from './common.js';
import { sharePanel } from './sharePanel.js';
import { exportPanel } from './exportPanel.js';
import { setPageTitle } from '../pageTitle.js';
import { identityFacts, talkTimeChart } from './meetingIdentity.js';
import { progressDetail } from './readyEstimate.js';
import { translationNotice } from './translationNotice.js';
import { meetingPlayback } from '../playback/meetingPlayback.js';
import { replaceKeepingFocus } from './replaceKeepingFocus.js';
import { hiddenLoadingStatus, meetingPageSkeleton, transcriptSkeleton } from '../skeleton.js';

const REFRESH_MS = 3_000;

/** One meeting: summary, action items and chapters that seek the player, and the transcript that follows it. */
/** Where a meeting page reads from: the API with the signed-in key, or a share link's routes. */
export interface MeetingSource {
  /** Its detail, transcript, recording, live captions and export. */
  reads: MeetingReads;
  /** The page's own address at a moment. */
  hrefAt(ms: number): string;
  /** Opened through a share link: read-only, nothing beyond this meeting. */
  shared: boolean;
}

const keySource = (meetingId: string): MeetingSource => ({ reads: keyReads(meetingId), hrefAt: (ms) => meetingHref(meetingId, ms), shared: false });

export function meetingPage(main: HTMLElement, route: Route, source: MeetingSource = keySource(route.id)): Page {
  const startAt = Number(route.params.get('t'));
  main.append(pageHeading('Meeting'), meetingPageSkeleton());

  let player: Player | null = null;
  let disposePlayback: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const load = async () => {
    let detail: ShownMeeting;
    try {
      detail = await source.reads.detail();
    } catch (error) {
      if (!stopped) replaceKeepingFocus(main, pageHeading('Meeting'), errorView(error));
      return;
    }
    if (stopped) return;
    setPageTitle(detail.meeting.title);
    if (detail.meeting.state !== 'ready') {
      // Not ready: show progress, and look again while it is still running.
      replaceKeepingFocus(main, ...header(detail), progress(detail));
      if (detail.meeting.state === 'processing') timer = setTimeout(() => void load(), REFRESH_MS);
      return;
    }
    // A share link's page is read-only: no edits, nothing asked of the edit routes.
    const permissions = source.shared ? NO_EDITS : await editPermissions(detail.meeting.meetingId);
    if (stopped) return;
    player = createPlayer(`Recording of ${detail.meeting.title}`);
    disposePlayback = renderReady(main, detail, player, source, Number.isFinite(startAt) && route.params.has('t') ? startAt : null, permissions);
  };
  void load();

  return {
    cleanup: () => {
      stopped = true;
      clearTimeout(timer);
      disposePlayback?.();
      player?.dispose();
    },
  };
}

function header(detail: ShownMeeting): HTMLElement[] {
  const { meeting } = detail;
  const parts: (HTMLElement | null)[] = [
    pageHeading(meeting.title),
    h('p', { class: 'meta' }, h('time', { datetime: meeting.recordedAt }, formatDate(meeting.recordedAt)), ' ', ...stateBadges(meeting)),
    identityFacts(meeting),
    progressDetail(meeting),
    failureLine(meeting),
    degradedLine(meeting.manifest?.degraded ?? []),
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
}

function progress(detail: ShownMeeting): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'steps-heading' },
    h('h2', { id: 'steps-heading' }, 'Progress'),
    h(
      'ol',
      { class: 'steps' },
      detail.meeting.steps.map((step) => h('li', {}, h('span', { class: `badge badge-step-${step.state}` }, step.state), ' ', step.name, step.detail ? ` — ${step.detail}` : null)),
    ),
  );
}

function renderReady(main: HTMLElement, detail: ShownMeeting, player: Player, source: MeetingSource, startAt: number | null, permissions: EditPermissions): () => void {
  const { reads } = source;
  const { meetingId } = detail.meeting;
  let transcript: TranscriptView | null = null;
  const playerBar = h('section', { class: 'player-bar', 'aria-label': 'Player' }, player.audio);
  const playback = meetingPlayback(player, playerBar, detail.meeting.meetingId);
  const seek = playback.playAt;
  /** A real link (shareable, opens in a new tab) that, clicked here, seeks instead of reloading. */
  const seekLink = (ms: number, attrs: Record<string, string>, ...children: Child[]) =>
    h(
      'a',
      {
        ...attrs,
        href: source.hrefAt(ms),
        onclick: (event: Event) => {
          event.preventDefault();
          seek(ms);
          history.replaceState(null, '', source.hrefAt(ms));
        },
      },
      ...children,
    );

  const transcriptSlot = h('div', { 'aria-busy': 'true' }, transcriptLoading());
  const speakersSlot = h('div', {});
  const playerStatus = hiddenLoadingStatus('Loading the recording…');
  playerBar.append(playerStatus);
  replaceKeepingFocus(
    main,
    ...header(detail),
    playerBar,
    playback.help,
    h(
      'div',
      { class: 'meeting-layout' },
      h(
        'div',
        { class: 'meeting-results' },
        withAiLabel(summarySection(detail), detail.aiLabels?.summary),
        talkTimeChart(detail.meeting.talkTime ?? []),
        withAiLabel(decisionsSection(detail.decisions?.decisions ?? null, seekLink), detail.aiLabels?.decisions),
        withAiLabel(actionItemsEditor(meetingId, detail.actionItems?.items ?? null, seekLink, permissions.actionItems), detail.aiLabels?.actionItems),
        withAiLabel(chaptersSection(detail.chapters?.chapters ?? null, seekLink), detail.aiLabels?.chapters),
        source.shared ? null : speakersSlot,
        detail.hasLiveCaptions === false ? null : liveCaptionsSection(reads),
        exportPanel(reads, detail.meeting.title),
        source.shared ? null : askPanel({ meetingId: detail.meeting.meetingId }),
        source.shared ? null : sharePanel(detail.meeting.meetingId),
      ),
      h(
        'section',
        { class: 'card transcript', 'aria-labelledby': 'transcript-heading' },
        h('h2', { id: 'transcript-heading' }, 'Transcript'),
        translationNotice(detail.meeting),
        transcriptSlot,
      ),
    ),
  );

  player.load(reads.audioUrl).then(
    () => {
      playerStatus.textContent = '';
    },
    (error: unknown) => {
      playerStatus.replaceWith(errorView(error));
    },
  );
  // A moment link (a search hit, a CRM task) opens playing there, if the browser lets it.
  if (startAt !== null) seek(startAt);

  reads.transcript().then(
    (loaded) => {
      const corrections = permissions.transcript ? transcriptCorrections(meetingId) : null;
      transcript = transcriptView(loaded, (utterance, row) => (corrections?.active && row ? corrections.open(utterance, row) : seek(utterance.startMs)));
      const around = playback.attachTranscript(transcript);
      transcriptSlot.replaceChildren(transcriptToolbar(detail, reads, transcript), corrections?.element ?? '', ...around.before, transcript.element, ...around.after);
      transcriptSlot.removeAttribute('aria-busy');
      speakersSlot.replaceChildren(speakersSection(meetingId, loaded, detail.speakerNames ?? null, permissions.speakers, (names) => transcript?.renameSpeakers(names)));
    },
    (error: unknown) => {
      transcriptSlot.replaceChildren(errorView(error));
      transcriptSlot.removeAttribute('aria-busy');
    },
  );
  return playback.dispose;
}

const transcriptLoading = (): HTMLElement[] => [hiddenLoadingStatus('Loading the transcript…'), transcriptSkeleton()];

function summarySection(detail: ShownMeeting): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'summary-heading' },
    h('h2', { id: 'summary-heading' }, 'Summary'),
    detail.summary === null || detail.summary.text === '' ? h('p', { class: 'hint' }, 'No summary.') : h('p', { class: 'summary' }, detail.summary.text),
  );
}

type SeekLink = (ms: number, attrs: Record<string, string>, ...children: Child[]) => HTMLAnchorElement;

function chaptersSection(chapters: Chapter[] | null, seekLink: SeekLink): HTMLElement {
  return h(
    'nav',
    { class: 'card', 'aria-labelledby': 'chapters-heading' },
    h('h2', { id: 'chapters-heading' }, 'Chapters'),
    chapters === null || chapters.length === 0
      ? h('p', { class: 'hint' }, 'No chapters.')
      : h(
          'ol',
          { class: 'chapters' },
          chapters.map((chapter) =>
            h('li', {}, seekLink(chapter.startMs, { class: 'chapter-link', 'data-start-ms': String(chapter.startMs) }, h('span', { class: 'time' }, formatTime(chapter.startMs)), ' ', chapter.title)),
          ),
        ),
  );
}

/** The language switch (succeeded translations only) and the subtitle downloads. */
function transcriptToolbar(detail: ShownMeeting, reads: MeetingReads, view: TranscriptView): HTMLElement {
  const languages = (detail.meeting.manifest?.translations ?? []).filter((t) => t.state === 'succeeded').map((t) => t.language);
  let language: string | null = null;
  const status = liveStatus();
  const fileBase = detail.meeting.title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'transcript';

  const srtButton = h('button', { type: 'button' }, 'Download SRT');
  const vttButton = h('button', { type: 'button' }, 'Download WebVTT');
  const fetchFile = (format: 'vtt' | 'srt') => {
    const filename = `${fileBase}${language === null ? '' : `.${language}`}.${format}`;
    status.textContent = 'Downloading…';
    reads.subtitles(format, language).then(
      (file) => {
        saveFile(file, filename);
        status.textContent = '';
      },
      (error: unknown) => (status.textContent = error instanceof Error ? error.message : String(error)),
    );
  };
  vttButton.addEventListener('click', () => fetchFile('vtt'));
  srtButton.addEventListener('click', () => fetchFile('srt'));

  let select: HTMLSelectElement | null = null;
  if (languages.length > 0) {
    select = h('select', { id: 'transcript-language' }, h('option', { value: '' }, 'Original'), languages.map((code) => h('option', { value: code }, languageName(code))));
    const chosen = select;
    chosen.addEventListener('change', () => {
      const next = chosen.value === '' ? null : chosen.value;
      // Translations come as JSON and WebVTT only.
      srtButton.disabled = next !== null;
      if (next === null) {
        language = null;
        view.setTexts(null, null);
        return;
      }
      status.textContent = `Loading the ${languageName(next)} translation…`;
      reads.translation(next).then(
        (translation) => {
          language = next;
          view.setTexts(new Map(translation.utterances.map((u) => [u.id, u.text])), translation.language);
          status.textContent = '';
        },
        (error: unknown) => {
          chosen.value = language ?? '';
          status.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
        },
      );
    });
  }

  return h(
    'div',
    { class: 'toolbar' },
    select === null ? null : h('div', { class: 'field inline' }, h('label', { for: 'transcript-language' }, 'Language'), select),
    h('div', { class: 'buttons' }, vttButton, srtButton),
    status,
  );
}
