import { loadSettings } from '../api.js';
import { answer, api } from '../api/client.js';
import { h, liveStatus } from '../dom.js';
import { formatTime } from '../format.js';
import { errorView, pageHeading, type Page } from '../pages/common.js';
import { navigate, type Route } from '../router.js';
import { applyEvent, captionsSocketUrl, emptyTimeline, type LiveEvent, type Timeline } from './liveCaptions.js';
import { roomListItems } from './roomList.js';

const RETRY_MS = 2000;
const ROOMS_REFRESH_MS = 5000;
const OFFLINE_SOURCE = 'offline:speech-activity';

/**
 * Live captions of a room in progress (#/live?room=…): a subscribe ticket is minted with the
 * API key (POST /api/live/tickets), and only the ticket goes into the WebSocket URL.
 */
export function livePage(main: HTMLElement, route: Route): Page {
  const room = route.params.get('room') ?? '';
  main.append(pageHeading(room === '' ? 'Live captions' : `Live captions: ${room}`));
  const input = h('input', { id: 'live-room', name: 'room', type: 'text', value: room, required: true, autocomplete: 'off', pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}' });
  const form = h('form', { class: 'card form' }, h('div', { class: 'field' }, h('label', { for: 'live-room' }, 'Room'), input), h('button', { type: 'submit', class: 'primary' }, 'Show captions'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/live?${new URLSearchParams({ room: input.value.trim() }).toString()}`);
  });
  const status = liveStatus();
  const rooms = h('ul', { class: 'live-rooms' });
  const board = h('div', { class: 'live-captions', 'aria-live': 'off' });
  main.append(form, h('section', { 'aria-labelledby': 'rooms-heading' }, h('h2', { id: 'rooms-heading' }, 'Rooms in progress'), rooms), status, board);
  const timeline = emptyTimeline();
  // The list and the captions below say the same: the room shown counts as in progress while anyone in it has not left.
  const refreshRooms = () => void listRooms(rooms, room, timeline);
  refreshRooms();
  // Calls start and end while the page is open: the list follows them.
  const roomsTimer = window.setInterval(refreshRooms, ROOMS_REFRESH_MS);
  if (room === '') return { cleanup: () => window.clearInterval(roomsTimer) };

  let socket: WebSocket | null = null;
  let retry: number | undefined;
  let left = false;
  let offline = false;

  const render = () => {
    board.replaceChildren(
      ...(offline ? [h('p', { class: 'notice' }, 'No speech-to-text key is configured: these captions show only when each participant is speaking, not their words.')] : []),
      timeline.lines.length === 0 && timeline.interim.size === 0
        ? h('p', { class: 'hint' }, 'No one has spoken yet.')
        : h(
            'section',
            { class: 'card live-timeline', 'aria-labelledby': 'timeline-heading' },
            h('h2', { id: 'timeline-heading' }, `Conversation in ${room}`),
            h(
              'ol',
              { class: 'live-lines' },
              timeline.lines.map((line) =>
                h(
                  'li',
                  { class: `live-line live-${line.kind}` },
                  h('span', { class: 'live-speaker-name' }, line.participant),
                  line.kind === 'note' ? null : h('span', { class: 'time' }, ` ${formatTime(line.startMs)}`),
                  ' ',
                  h('span', { class: 'live-text' }, line.text),
                ),
              ),
            ),
            [...timeline.interim].map(([participant, text]) =>
              h('p', { class: 'interim' }, h('span', { class: 'live-speaker-name' }, participant), ' ', h('em', {}, text)),
            ),
          ),
    );
  };

  const connect = async () => {
    try {
      const { ticket } = await answer(api().POST('/live/tickets', { body: { room, purpose: 'subscribe' } }));
      if (left) return;
      socket = new WebSocket(captionsSocketUrl(loadSettings()?.baseUrl ?? '', room, ticket));
      socket.onopen = () => (status.textContent = `Listening to ${room}. Captions appear as people speak.`);
      socket.onmessage = (message) => {
        const event = JSON.parse(String(message.data)) as LiveEvent;
        if (event.type === 'caption' && event.source === OFFLINE_SOURCE) offline = true;
        const joined = !timeline.present.has(event.participant);
        applyEvent(timeline, event);
        render();
        if (joined || event.type === 'ended') refreshRooms();
      };
      socket.onclose = () => {
        if (left) return;
        status.textContent = 'Disconnected from the caption relay; reconnecting…';
        retry = window.setTimeout(() => void connect(), RETRY_MS);
      };
    } catch (error) {
      board.replaceChildren(errorView(error));
    }
  };
  void connect();
  return {
    cleanup() {
      left = true;
      window.clearTimeout(retry);
      window.clearInterval(roomsTimer);
      socket?.close();
    },
  };
}

async function listRooms(list: HTMLElement, shown: string, timeline: Timeline): Promise<void> {
  try {
    const { rooms } = await answer(api().GET('/live/rooms'));
    list.replaceChildren(...roomListItems(rooms, shown, timeline));
  } catch (error) {
    list.replaceChildren(h('li', {}, errorView(error)));
  }
}
