import { append, h, liveStatus } from '../dom.js';
import { formatTime } from '../format.js';
import type { SpeakerNameProposals, Transcript } from '../types.js';
import { answer, api } from '../api/client.js';
import { messageOf } from './editing.js';

/** speaker-names.json as the meeting view carries it: names proposed with the lines that show them. */
export type { SpeakerNameProposals } from '../types.js';

/**
 * The speakers, renamed in place (admins), and the names the notes propose for them with the
 * lines that show why, accepted with one click. A rename rewrites the transcript's names at once
 * and rebuilds the search index in the background; `onRenamed` updates the page.
 */
export function speakersSection(meetingId: string, transcript: Transcript, proposed: SpeakerNameProposals | null, canEdit: boolean, onRenamed: (names: Record<string, string>) => void): HTMLElement {
  const status = liveStatus();
  const list = h('ul', { class: 'speakers' });
  const byId = new Map(transcript.utterances.map((u) => [u.id, u]));
  const path = { id: meetingId };
  const open = new Map((proposed?.proposals ?? []).filter((p) => p.confirmedAt === null).map((p) => [p.speakerId, p]));

  const applied = (names: Record<string, string>) => {
    for (const speaker of transcript.speakers) speaker.name = names[speaker.id] ?? speaker.name;
    for (const id of Object.keys(names)) open.delete(id);
    onRenamed(names);
    render();
  };
  const rename = async (speakerId: string, name: string) => {
    status.textContent = 'Renaming…';
    try {
      await answer(api().PUT('/meetings/{id}/speakers', { params: { path }, body: { [speakerId]: name } }));
      status.textContent = `Renamed to ${name}. Search follows in a moment.`;
      applied({ [speakerId]: name });
    } catch (error) {
      status.textContent = `Not renamed: ${messageOf(error)}`;
    }
  };
  const accept = async (speakerId: string) => {
    status.textContent = 'Accepting…';
    try {
      const { names } = await answer(api().POST('/meetings/{id}/speakers/confirm', { params: { path }, body: { speakerIds: [speakerId] } }));
      status.textContent = `Accepted: ${Object.values(names).join(', ')}.`;
      applied(names);
    } catch (error) {
      status.textContent = `Not accepted: ${messageOf(error)}`;
    }
  };

  const renameForm = (speaker: { id: string; name: string }, li: HTMLLIElement) => {
    const input = h('input', { id: `rename-${speaker.id}`, type: 'text', maxlength: 80, required: true, value: speaker.name });
    const form = h(
      'form',
      {
        class: 'rename-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const name = input.value.trim();
          if (name === '' || name === speaker.name) return render();
          void rename(speaker.id, name);
        },
      },
      h('label', { for: input.id }, `New name for ${speaker.name}`),
      input,
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, 'Save name'), h('button', { type: 'button', onclick: () => render() }, 'Cancel')),
    );
    li.replaceChildren(form);
    input.focus();
  };

  const render = () => {
    list.replaceChildren(
      ...transcript.speakers.map((speaker) => {
        const li = h('li', { class: 'speaker', 'data-speaker-id': speaker.id });
        const proposal = open.get(speaker.id);
        append(li, [
          h(
            'div',
            { class: 'speaker-line' },
            h('span', { class: 'speaker-name' }, speaker.name),
            canEdit ? h('button', { type: 'button', class: 'rename', 'aria-label': `Rename ${speaker.name}`, onclick: () => renameForm(speaker, li) }, 'Rename') : null,
          ),
          proposal === undefined
            ? null
            : h(
                'div',
                { class: 'proposal' },
                h('p', { class: 'meta' }, 'Proposed name: ', h('strong', {}, proposal.name)),
                h(
                  'ul',
                  { class: 'evidence' },
                  proposal.evidence.map((evidence) => {
                    const line = byId.get(evidence.utteranceId);
                    const how = evidence.kind === 'introduced' ? 'introduced themselves' : 'was addressed by name';
                    return h('li', { class: 'meta' }, line === undefined ? how : [`${how} at ${formatTime(line.startMs)}: `, h('q', {}, line.text)]);
                  }),
                ),
                canEdit ? h('button', { type: 'button', class: 'primary accept', 'aria-label': `Accept ${proposal.name} for ${speaker.name}`, onclick: () => void accept(speaker.id) }, `Accept “${proposal.name}”`) : null,
              ),
        ]);
        return li;
      }),
    );
  };
  render();

  return h('section', { class: 'card', 'aria-labelledby': 'speakers-heading' }, h('h2', { id: 'speakers-heading' }, 'Speakers'), list, status);
}
