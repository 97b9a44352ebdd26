import { ApiError, SessionExpiredError } from '@buildcrm/web-shared/lib/errors';
import { api, session } from '../../../lib/api';
import { env } from '@buildcrm/web-shared/lib/env';

export interface LiveEvent {
  /** the SSE `id:`, sent back as Last-Event-ID on reconnect so the server replays what was missed */
  id?: string;
  type: string;
  leadId: number | null;
  messageId: number | null;
  at: string | null;
}

export type LiveStatus = 'connecting' | 'live' | 'offline' | 'polling';

export interface LiveConnection {
  close(): void;
}

interface Handlers {
  onEvent(event: LiveEvent): void;
  /** Connected (again): whatever happened while disconnected must be fetched. */
  onOpen(): void;
  onStatus(status: LiveStatus): void;
}

/** Parses one SSE block (`event:`/`data:` lines); comments (heartbeats) and empty data give null. */
export function parseSseBlock(block: string): LiveEvent | null {
  let name = '';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  const withId = (event: LiveEvent): LiveEvent => (id === undefined ? event : { ...event, id });
  if (data.length === 0) return name ? withId({ type: name, leadId: null, messageId: null, at: null }) : null;
  try {
    const parsed = JSON.parse(data.join('\n')) as Partial<LiveEvent>;
    return withId({
      type: typeof parsed.type === 'string' ? parsed.type : name || 'message',
      leadId: typeof parsed.leadId === 'number' ? parsed.leadId : null,
      messageId: typeof parsed.messageId === 'number' ? parsed.messageId : null,
      at: typeof parsed.at === 'string' ? parsed.at : null,
    });
  } catch {
    return name ? withId({ type: name, leadId: null, messageId: null, at: null }) : null;
  }
}

const POLL_MS = 5000;

/**
 * Server-Sent Events from GET /api/crm/events. The stream is opened with a one-time ticket (POST
 * /api/crm/events/ticket through the shared client, which refreshes the access token when needed): no token ever
 * goes in a URL, where access logs and proxies would keep it. Read with fetch rather than EventSource to send
 * Last-Event-ID on every reconnect. Reconnects with backoff after a network
 * loss (and when the server closes the stream at token expiry) sending Last-Event-ID, so the server replays what
 * was missed; `onOpen` fires each time so the screens also refetch. Against a server without the
 * stream (404) it falls back to polling: the screens are refreshed every few seconds instead.
 */
export function connectLiveEvents(handlers: Handlers): LiveConnection {
  let closed = false;
  let controller: AbortController | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let lastEventId: string | null = null;

  const schedule = (ms: number) => {
    if (!closed) retry = setTimeout(run, ms);
  };

  async function run() {
    if (closed) return;
    if (session.tokens() === null) return;
    handlers.onStatus('connecting');
    controller = new AbortController();
    try {
      let ticket: string;
      try {
        ticket = (
          await api.request<{ ticket: string }>('/api/crm/events/ticket', { method: 'POST', signal: controller.signal })
        ).ticket;
      } catch (error) {
        if (error instanceof SessionExpiredError) return; // signed out: the login page takes over
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
          handlers.onStatus('polling');
          handlers.onOpen();
          schedule(POLL_MS);
          return;
        }
        throw error;
      }
      const url = new URL(`${env.apiBaseUrl}/api/crm/events`, window.location.origin);
      url.searchParams.set('ticket', ticket);
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch(url.href, {
        headers,
        signal: controller.signal,
        cache: 'no-store',
        // a background stream that stays open: it must never compete with the screen's own requests for the network
        priority: 'low',
      });
      if (response.status === 401) {
        // The ticket expired on the way or the account changed: ask for a new one (the client refreshes or signs out).
        attempt += 1;
        schedule(Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
        return;
      }
      if (response.status === 404 || response.status === 405) {
        handlers.onStatus('polling');
        handlers.onOpen();
        schedule(POLL_MS);
        return;
      }
      if (!response.ok || response.body === null) throw new Error(`events answered ${response.status}`);
      attempt = 0;
      handlers.onStatus('live');
      handlers.onOpen();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const blocks = buffer.split(/\r?\n\r?\n/);
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const event = parseSseBlock(block);
          if (event?.id !== undefined) lastEventId = event.id;
          if (event && event.type !== 'heartbeat') handlers.onEvent(event);
        }
      }
      schedule(1000);
    } catch (error) {
      if (closed || (error instanceof DOMException && error.name === 'AbortError')) return;
      handlers.onStatus('offline');
      attempt += 1;
      schedule(Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
    }
  }

  const online = () => {
    if (retry !== null) clearTimeout(retry);
    attempt = 0;
    void run();
  };
  // A stream can stay half-open after the network goes away: drop it at once and reconnect when it is back.
  const offline = () => {
    if (retry !== null) clearTimeout(retry);
    retry = null;
    controller?.abort();
    handlers.onStatus('offline');
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  void run();

  return {
    close() {
      closed = true;
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      if (retry !== null) clearTimeout(retry);
      controller?.abort();
    },
  };
}
