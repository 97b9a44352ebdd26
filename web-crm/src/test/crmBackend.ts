import { http, HttpResponse } from 'msw';
import type {
  AssignmentSettings,
  CrmUser,
  DaySettings,
  Lead,
  LeadEvent,
  LeadTask,
  Message,
  NextAction,
  PushPreferences,
  Stage,
  TeamQueue,
} from '../lib/api/types';

/**
 * An in-memory CRM server for component tests: the API.md contract (board, list filters, lead card, messages,
 * handoff, stages, users, settings, SSE). Tests read and change `crm` directly; `resetCrmBackend` runs after each.
 */
interface Db {
  stages: Stage[];
  leads: Lead[];
  messages: Map<number, Message[]>;
  events: Map<number, LeadEvent[]>;
  users: CrmUser[];
  managersSeeAll: boolean;
  requests: { method: string; path: string; body: unknown }[];
  live: Set<ReadableStreamDefaultController<Uint8Array>>;
  /** One-time stream tickets issued and not used yet. */
  tickets: Set<string>;
  /** Every stream request as the server saw it (URL and whether it carried an Authorization header). */
  streams: { url: string; authorization: boolean }[];
  /** The «Сейчас» queue in the order the server ranked it (a snoozed lead or a done task drops out). */
  now: { leadId: number; action: NextAction }[];
  team: TeamQueue[];
  snoozed: Set<number>;
  tasks: LeadTask[];
  assignment: AssignmentSettings;
  day: DaySettings;
  push: { publicKey: string; subscriptions: unknown[]; preferences: PushPreferences };
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function seedStages(): Stage[] {
  return [
    { id: 1, name: 'Новый', role: 'NEW', position: 0, color: '#228be6' },
    { id: 2, name: 'В работе', role: 'IN_PROGRESS', position: 1, color: '#fab005' },
    { id: 3, name: 'Просит звонок', role: 'CALL_REQUESTED', position: 2, color: '#fd7e14' },
    { id: 4, name: 'Замер', role: null, position: 3, color: '#7950f2' },
    { id: 5, name: 'Успех', role: 'WON', position: 4, color: '#40c057' },
  ];
}

export function makeLead(overrides: Partial<Lead> & { id: number }): Lead {
  return {
    name: `Клиент ${overrides.id}`,
    phone: `+7701000000${overrides.id}`,
    city: 'Алматы',
    stage: { id: 1, name: 'Новый', role: 'NEW' },
    temperature: 'WARM',
    score: 50,
    handledBy: 'AI',
    handler: null,
    assignee: null,
    lastMessage: { text: 'Здравствуйте, сколько стоит дом?', direction: 'IN', at: ago(5) },
    waitingForReplySince: null,
    noReply: false,
    fields: { length_m: 10, width_m: 8, foundation_closed: true },
    createdAt: ago(60),
    updatedAt: ago(5),
    aiEnabled: true,
    ...overrides,
  };
}

function seedLeads(): Lead[] {
  return [
    makeLead({
      id: 1,
      name: 'Асель',
      score: 80,
      temperature: 'HOT',
      city: 'Алматы',
      waitingForReplySince: ago(3),
      fieldSources: { name: 'PROFILE', city: 'CLIENT', length_m: 'CLIENT', width_m: 'CLIENT' },
    }),
    makeLead({ id: 2, name: 'Бауыржан', score: 30, temperature: 'COLD', city: 'Астана' }),
    makeLead({
      id: 3,
      name: 'Дина',
      score: 60,
      stage: { id: 2, name: 'В работе', role: 'IN_PROGRESS' },
      handledBy: 'HUMAN',
      handler: { id: 11, name: 'Ержан' },
      assignee: { id: 11, name: 'Ержан' },
      aiEnabled: false,
    }),
  ];
}

function message(id: number, overrides: Partial<Message>): Message {
  return {
    id,
    direction: 'IN',
    author: 'CLIENT',
    authorId: null,
    kind: 'TEXT',
    text: null,
    media: null,
    status: 'RECEIVED',
    error: null,
    sentAt: ago(10 - id),
    createdAt: ago(10 - id),
    ...overrides,
  };
}

function seedMessages(): Map<number, Message[]> {
  return new Map([
    [
      1,
      [
        message(1, { text: 'Здравствуйте, сколько стоит дом?' }),
        message(2, { direction: 'OUT', author: 'AI', text: 'Добрый день! Какой размер дома?', status: 'DELIVERED' }),
        message(3, {
          kind: 'IMAGE',
          media: { id: 'm1', mimeType: 'image/jpeg', name: 'plan1.jpg', url: '/media/1/m1' },
        }),
        message(4, {
          kind: 'IMAGE',
          media: { id: 'm2', mimeType: 'image/jpeg', name: 'plan2.jpg', url: '/media/1/m2' },
        }),
        message(5, {
          kind: 'VOICE',
          media: { id: 'm3', mimeType: 'audio/ogg', name: 'voice.ogg', url: '/media/1/m3' },
          transcription: 'DONE',
          transcript: 'Нужен дом восемь на десять в Караганде',
        }),
        message(6, {
          direction: 'OUT',
          author: 'HUMAN',
          authorId: 11,
          text: 'Отправил смету',
          status: 'FAILED',
          error: 'window closed',
        }),
        message(7, { kind: 'DOCUMENT', text: 'мой план', error: 'media not received: the provider answered HTTP 404' }),
        message(8, {
          kind: 'VOICE',
          media: { id: 'm4', mimeType: 'audio/ogg', name: 'voice2.ogg', url: '/media/1/m4' },
          transcription: 'OFF',
        }),
      ],
    ],
  ]);
}

function seedEvents(): Map<number, LeadEvent[]> {
  return new Map([
    [
      1,
      [
        {
          id: 2,
          type: 'stage.changed',
          actor: 'AI',
          user: null,
          reason: null,
          details: { fromName: 'Новый', toName: 'В работе' },
          at: ago(4),
        },
        { id: 1, type: 'greeting.sent', actor: 'AI', user: null, reason: null, details: null, at: ago(9) },
      ],
    ],
  ]);
}

function seedUsers(): CrmUser[] {
  return [
    { id: 10, name: 'Айгерим Садыкова', email: 'owner@alem-dom.kz', role: 'owner', status: 'active' },
    { id: 11, name: 'Ержан', email: 'erzhan@alem-dom.kz', role: 'manager', status: 'active' },
  ];
}

function seedAssignment(): AssignmentSettings {
  return { mode: 'MANUAL', on: ['CALL_REQUESTED'], rotation: [], reassignAfterMinutes: null };
}

/** A P-256 point's worth of bytes, base64url (the fake never encrypts anything). */
const VAPID_KEY = 'BAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4_QA';

function seedPush(): Db['push'] {
  return {
    publicKey: VAPID_KEY,
    subscriptions: [],
    preferences: { assigned: true, clientWaiting: true, callSoon: true, hotLead: true },
  };
}

export const crm: Db = {
  stages: seedStages(),
  leads: seedLeads(),
  messages: seedMessages(),
  events: seedEvents(),
  users: seedUsers(),
  managersSeeAll: true,
  requests: [],
  live: new Set(),
  tickets: new Set(),
  streams: [],
  now: [],
  team: [],
  snoozed: new Set(),
  tasks: [],
  assignment: seedAssignment(),
  day: { staleAfterDays: 3, workDayStart: '09:00', workDayEnd: '18:00' },
  push: seedPush(),
};

/** Leads whose WhatsApp window a test has closed, with what the API then says. */
export const closedWindows = new Map<
  number,
  { state: 'CLOSED'; freeText: false; template: { name: string; language: string; preview: string } | null }
>();

export function resetCrmBackend() {
  closedWindows.clear();
  crm.stages = seedStages();
  crm.leads = seedLeads();
  crm.messages = seedMessages();
  crm.events = seedEvents();
  crm.users = seedUsers();
  crm.managersSeeAll = true;
  crm.requests = [];
  crm.live.forEach((controller) => {
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  });
  crm.live = new Set();
  crm.tickets = new Set();
  crm.streams = [];
  crm.now = [];
  crm.team = [];
  crm.snoozed = new Set();
  crm.tasks = [];
  crm.assignment = seedAssignment();
  crm.day = { staleAfterDays: 3, workDayStart: '09:00', workDayEnd: '18:00' };
  crm.push = seedPush();
}

let nextTaskId = 500;

/** A task as the server answers it. */
export function makeTask(overrides: Partial<LeadTask> & { id: number; leadId: number }): LeadTask {
  return {
    kind: 'TODO',
    title: 'Отправить смету',
    note: null,
    dueAt: null,
    dueText: null,
    assignee: null,
    done: false,
    doneAt: null,
    source: 'USER',
    createdAt: ago(30),
    ...overrides,
  };
}

function fieldProblem(field: string, message: string) {
  return HttpResponse.json(
    {
      type: 'https://buildcrm.example/problems/validation',
      title: 'Bad Request',
      status: 400,
      detail: message,
      errors: [{ field, message }],
    },
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

function knownAssignee(id: number | null | undefined) {
  if (id === null || id === undefined) return null;
  const user = crm.users.find((candidate) => candidate.id === id && candidate.status !== 'disabled');
  return user ? { id: user.id, name: user.name } : undefined;
}

/** Sends one SSE event to every open stream. */
export function pushLive(event: { type: string; leadId: number; messageId?: number }) {
  const bytes = new TextEncoder().encode(
    `event: ${event.type}\ndata: ${JSON.stringify({ ...event, at: new Date().toISOString() })}\n\n`,
  );
  crm.live.forEach((controller) => controller.enqueue(bytes));
}

function filtered(url: URL): Lead[] {
  const p = url.searchParams;
  const q = (p.get('q') ?? '').toLowerCase();
  let leads = crm.leads.filter(
    (lead) =>
      (!p.get('stage') || String(lead.stage.id) === p.get('stage')) &&
      (!p.get('temperature') || lead.temperature === p.get('temperature')) &&
      (!p.get('handledBy') || lead.handledBy.toLowerCase() === p.get('handledBy')) &&
      (!p.get('city') || (lead.city ?? '').toLowerCase().includes((p.get('city') ?? '').toLowerCase())) &&
      (p.get('noReply') !== 'true' || lead.noReply) &&
      (q === '' || `${lead.name} ${lead.phone} ${lead.lastMessage?.text ?? ''}`.toLowerCase().includes(q)),
  );
  const sort = p.get('sort') ?? 'score';
  leads = [...leads].sort((a, b) =>
    sort === 'createdAt'
      ? b.createdAt.localeCompare(a.createdAt)
      : sort === 'lastActivity'
        ? b.updatedAt.localeCompare(a.updatedAt)
        : b.score - a.score,
  );
  return leads;
}

function page(leads: Lead[], url: URL) {
  const limit = Number(url.searchParams.get('limit') ?? '50');
  const offset = Number(url.searchParams.get('cursor') ?? '0');
  const items = leads.slice(offset, offset + limit);
  return { items, nextCursor: offset + limit < leads.length ? String(offset + limit) : null };
}

function findLead(id: string | readonly string[] | undefined) {
  return crm.leads.find((lead) => String(lead.id) === String(id));
}

async function record(request: Request) {
  const text = request.method === 'GET' ? '' : await request.clone().text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  crm.requests.push({ method: request.method, path: new URL(request.url).pathname, body });
}

function update(id: number, change: (lead: Lead) => Lead): Lead {
  const index = crm.leads.findIndex((lead) => lead.id === id);
  const next = change(crm.leads[index]!);
  crm.leads[index] = next;
  return next;
}

const period = { from: '2026-10-27T00:00:00+05:00', to: '2026-11-26T00:00:00+05:00', timezone: 'Asia/Almaty' };

export const crmHandlers = [
  http.get('*/api/crm/stages', () => HttpResponse.json(crm.stages)),
  http.get('*/api/crm/board', ({ request }) => {
    const url = new URL(request.url);
    const leads = filtered(url);
    return HttpResponse.json({
      columns: crm.stages.map((stage) => {
        const inStage = leads.filter((lead) => lead.stage.id === stage.id);
        const first = page(inStage, url);
        return { stage, count: inStage.length, countCapped: false, leads: first.items, nextCursor: first.nextCursor };
      }),
    });
  }),
  http.get('*/api/crm/leads', ({ request }) => {
    const url = new URL(request.url);
    return HttpResponse.json(page(filtered(url), url));
  }),
  http.get('*/api/crm/leads/:id', ({ params }) => {
    const lead = findLead(params.id);
    return lead ? HttpResponse.json(lead) : HttpResponse.json({ status: 404, title: 'Not Found' }, { status: 404 });
  }),
  http.patch('*/api/crm/leads/:id', async ({ request, params }) => {
    await record(request);
    const body = (await request.json()) as {
      stageId?: number;
      assigneeId?: number;
      name?: string;
      city?: string;
      aiEnabled?: boolean;
      fields?: Record<string, unknown>;
    };
    const lead = update(Number(params.id), (current) => {
      const stage = body.stageId !== undefined ? crm.stages.find((item) => item.id === body.stageId) : undefined;
      const assignee =
        body.assigneeId !== undefined ? crm.users.find((user) => user.id === body.assigneeId) : undefined;
      return {
        ...current,
        ...(stage ? { stage: { id: stage.id, name: stage.name, role: stage.role } } : {}),
        ...(body.assigneeId !== undefined
          ? { assignee: assignee ? { id: assignee.id, name: assignee.name } : null }
          : {}),
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.city !== undefined ? { city: body.city } : {}),
        ...(body.fields ? { fields: { ...current.fields, ...body.fields } } : {}),
        // as the server: what a person changed is theirs now
        fieldSources: {
          ...current.fieldSources,
          ...Object.fromEntries(
            [
              ...(body.name !== undefined && body.name !== current.name ? ['name'] : []),
              ...(body.city !== undefined && body.city !== current.city ? ['city'] : []),
              ...Object.keys(body.fields ?? {}),
            ].map((key) => [key, 'PERSON' as const]),
          ),
        },
      };
    });
    return HttpResponse.json(lead);
  }),
  http.post('*/api/crm/leads/:id/takeover', async ({ request, params }) => {
    await record(request);
    return HttpResponse.json(
      update(Number(params.id), (lead) => ({
        ...lead,
        handledBy: 'HUMAN',
        handler: { id: 10, name: 'Айгерим Садыкова' },
        aiEnabled: false,
      })),
    );
  }),
  http.post('*/api/crm/leads/:id/return-to-ai', async ({ request, params }) => {
    await record(request);
    return HttpResponse.json(
      update(Number(params.id), (lead) => ({ ...lead, handledBy: 'AI', handler: null, aiEnabled: true })),
    );
  }),
  // WhatsApp's 24-hour window (ADR 035): open unless a test closes it
  http.get('*/api/crm/leads/:id/whatsapp-window', ({ params }) =>
    HttpResponse.json(closedWindows.get(Number(params.id)) ?? { state: 'NONE', freeText: true, template: null }),
  ),
  http.post('*/api/crm/leads/:id/whatsapp-window/template', async ({ request, params }) => {
    await record(request);
    const list = crm.messages.get(Number(params.id)) ?? [];
    const preview = closedWindows.get(Number(params.id))?.template?.preview ?? null;
    const sent = message(100 + list.length, {
      direction: 'OUT',
      author: 'HUMAN',
      authorId: 10,
      text: preview,
      kind: 'TEXT',
      status: 'QUEUED',
      sentAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
    });
    crm.messages.set(Number(params.id), [...list, sent]);
    return HttpResponse.json(sent, { status: 201 });
  }),
  // the handoff summary (ADR 034): the rule view of the lead's fields, with a snapshot once a person took it over
  http.get('*/api/crm/leads/:id/summary', ({ params }) => {
    const lead = findLead(params.id);
    if (!lead) return HttpResponse.json({ status: 404, title: 'Not Found' }, { status: 404 });
    const summary = {
      want: {
        topicRu: 'Панельные дома',
        topicEn: 'Panel houses',
        need: null,
        callRequested: lead.stage.role === 'CALL_REQUESTED',
        callTime: null,
        clientWords: ['Здравствуйте, сколько стоит дом?'],
      },
      fields: [
        { key: 'length_m', labelRu: 'Длина, м', labelEn: 'Length, m', type: 'NUMBER', value: 10, changed: false },
        { key: 'width_m', labelRu: 'Ширина, м', labelEn: 'Width, m', type: 'NUMBER', value: 8.5, changed: true },
        {
          key: 'foundation_closed',
          labelRu: 'Закрытие фундамента',
          labelEn: 'Foundation closed',
          type: 'BOOLEAN',
          value: true,
          changed: false,
        },
      ],
      open: [
        {
          key: 'height_m',
          labelRu: 'Высота стен, м',
          labelEn: 'Wall height, m',
          questionRu: 'Какая высота стен нужна?',
          questionEn: 'How high should the walls be?',
        },
        { key: 'windows', labelRu: 'Окна, шт.', labelEn: 'Windows', questionRu: '?', questionEn: '?' },
      ],
      nextStep: { kind: 'ASK', reason: null, fieldKeys: ['height_m', 'windows'] },
    };
    return HttpResponse.json({
      leadId: lead.id,
      pinned: lead.handledBy === 'HUMAN' || lead.stage.role === 'CALL_REQUESTED',
      trigger: 'TAKEN_OVER',
      takenAt: '2026-11-26T10:00:00+05:00',
      summary,
      snapshot: { ...summary, text: 'Клиент хочет дом 10 на 8,5 м, фундамент закроет панелями.', textLocale: 'ru' },
    });
  }),
  http.get('*/api/crm/leads/:id/messages', ({ params }) =>
    HttpResponse.json({ items: crm.messages.get(Number(params.id)) ?? [], previousCursor: null }),
  ),
  http.post('*/api/crm/leads/:id/messages', async ({ request, params }) => {
    await record(request);
    const body = (await request.json()) as { text?: string; mediaId?: string };
    const list = crm.messages.get(Number(params.id)) ?? [];
    const sent = message(100 + list.length, {
      direction: 'OUT',
      author: 'HUMAN',
      authorId: 10,
      text: body.text ?? null,
      kind: body.mediaId ? 'IMAGE' : 'TEXT',
      media: body.mediaId
        ? { id: body.mediaId, mimeType: 'image/png', name: 'photo.png', url: `/media/1/${body.mediaId}` }
        : null,
      status: 'QUEUED',
      sentAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
    });
    crm.messages.set(Number(params.id), [...list, sent]);
    return HttpResponse.json(sent, { status: 201 });
  }),
  http.post('*/api/crm/media', async ({ request }) => {
    crm.requests.push({ method: 'POST', path: '/api/crm/media', body: null });
    const form = await request.formData();
    const file = form.get('file');
    return HttpResponse.json(
      {
        id: 'up-1',
        url: '/media/1/up-1',
        mimeType: file instanceof File ? file.type : 'application/octet-stream',
        size: 3,
      },
      { status: 201 },
    );
  }),
  http.get('*/api/crm/leads/:id/events', ({ params }) => HttpResponse.json(crm.events.get(Number(params.id)) ?? [])),
  http.get('*/api/crm/pack', () =>
    HttpResponse.json({
      id: 'panel-houses',
      fields: [
        {
          key: 'length_m',
          type: 'number',
          required: true,
          labelRu: 'Длина, м',
          labelEn: 'Length, m',
          min: 1,
          max: 100,
        },
        { key: 'width_m', type: 'NUMBER', required: true, labelRu: 'Ширина, м', labelEn: 'Width, m', min: 1, max: 100 },
        {
          key: 'foundation_closed',
          type: 'BOOLEAN',
          required: false,
          labelRu: 'Закроют фундамент',
          labelEn: 'Will close the foundation',
        },
      ],
    }),
  ),
  http.get('*/api/crm/users', () => HttpResponse.json(crm.users)),
  http.post('*/api/crm/users', async ({ request }) => {
    await record(request);
    const body = (await request.json()) as { name: string; email: string; role: string };
    const user: CrmUser = {
      id: 20 + crm.users.length,
      name: body.name,
      email: body.email,
      role: body.role,
      status: 'active',
    };
    crm.users.push(user);
    return HttpResponse.json(user, { status: 201 });
  }),
  http.patch('*/api/crm/users/:id', async ({ request, params }) => {
    await record(request);
    const body = (await request.json()) as Partial<CrmUser>;
    const index = crm.users.findIndex((user) => String(user.id) === params.id);
    crm.users[index] = { ...crm.users[index]!, ...(body.status ? { status: body.status } : {}) };
    return HttpResponse.json(crm.users[index]);
  }),
  http.get('*/api/crm/settings', () => HttpResponse.json({ managersSeeAll: crm.managersSeeAll, ...crm.day })),
  http.patch('*/api/crm/settings', async ({ request }) => {
    await record(request);
    const body = (await request.json()) as { managersSeeAll?: boolean } & DaySettings;
    if (body.managersSeeAll !== undefined) crm.managersSeeAll = body.managersSeeAll;
    const { managersSeeAll: _ignored, ...day } = body;
    crm.day = { ...crm.day, ...day };
    return HttpResponse.json({ managersSeeAll: crm.managersSeeAll, ...crm.day });
  }),
  http.get('*/api/crm/settings/assignment', () => HttpResponse.json(crm.assignment)),
  http.put('*/api/crm/settings/assignment', async ({ request }) => {
    await record(request);
    const body = (await request.json()) as AssignmentSettings;
    if (body.rotation.some((id) => knownAssignee(id) === undefined)) {
      return fieldProblem('rotation', `user ${body.rotation.join(',')} is disabled or unknown`);
    }
    crm.assignment = body;
    return HttpResponse.json(crm.assignment);
  }),
  http.get('*/api/crm/now', ({ request }) => {
    const scope = new URL(request.url).searchParams.get('scope') ?? 'me';
    crm.requests.push({ method: 'GET', path: `/api/crm/now?scope=${scope}`, body: null });
    const items = crm.now
      .filter((item) => !crm.snoozed.has(item.leadId))
      .filter((item) => item.action.taskId === null || !crm.tasks.find((task) => task.id === item.action.taskId)?.done)
      .map((item) => ({ lead: findLead(String(item.leadId))!, action: item.action }));
    return HttpResponse.json(items);
  }),
  http.get('*/api/crm/now/team', () => HttpResponse.json(crm.team)),
  http.post('*/api/crm/leads/:id/snooze', async ({ request, params }) => {
    await record(request);
    crm.snoozed.add(Number(params.id));
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('*/api/crm/leads/:id/tasks', ({ params }) =>
    HttpResponse.json(crm.tasks.filter((task) => task.leadId === Number(params.id))),
  ),
  http.post('*/api/crm/leads/:id/tasks', async ({ request, params }) => {
    await record(request);
    const body = (await request.json()) as { title: string; dueAt?: string | null; assigneeId?: number | null };
    if (body.dueAt && new Date(body.dueAt).getTime() < Date.now() - 60_000) {
      return fieldProblem('dueAt', 'dueAt must not be in the past');
    }
    const assignee = knownAssignee(body.assigneeId);
    if (assignee === undefined) return fieldProblem('assigneeId', 'unknown or disabled user');
    const task = makeTask({
      id: nextTaskId++,
      leadId: Number(params.id),
      title: body.title,
      dueAt: body.dueAt ?? null,
      assignee,
      createdAt: new Date().toISOString(),
    });
    crm.tasks.push(task);
    return HttpResponse.json(task, { status: 201 });
  }),
  http.patch('*/api/crm/tasks/:id', async ({ request, params }) => {
    await record(request);
    const body = (await request.json()) as {
      title?: string;
      dueAt?: string | null;
      assigneeId?: number | null;
      done?: boolean;
    };
    const index = crm.tasks.findIndex((task) => task.id === Number(params.id));
    if (index < 0) return HttpResponse.json({ status: 404, title: 'Not Found' }, { status: 404 });
    if (body.dueAt && new Date(body.dueAt).getTime() < Date.now() - 60_000) {
      return fieldProblem('dueAt', 'dueAt must not be in the past');
    }
    const assignee = body.assigneeId !== undefined ? knownAssignee(body.assigneeId) : crm.tasks[index]!.assignee;
    if (assignee === undefined) return fieldProblem('assigneeId', 'unknown or disabled user');
    const current = crm.tasks[index]!;
    crm.tasks[index] = {
      ...current,
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.dueAt !== undefined ? { dueAt: body.dueAt } : {}),
      assignee,
      ...(body.done !== undefined ? { done: body.done, doneAt: body.done ? new Date().toISOString() : null } : {}),
    };
    return HttpResponse.json(crm.tasks[index]);
  }),
  http.delete('*/api/crm/tasks/:id', async ({ request, params }) => {
    await record(request);
    crm.tasks = crm.tasks.filter((task) => task.id !== Number(params.id));
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('*/api/crm/push/key', () => HttpResponse.json({ publicKey: crm.push.publicKey })),
  http.post('*/api/crm/push/subscriptions', async ({ request }) => {
    await record(request);
    crm.push.subscriptions.push(await request.clone().json());
    return new HttpResponse(null, { status: 201 });
  }),
  http.delete('*/api/crm/push/subscriptions', async ({ request }) => {
    await record(request);
    const endpoint = new URL(request.url).searchParams.get('endpoint');
    crm.push.subscriptions = crm.push.subscriptions.filter(
      (subscription) => (subscription as { endpoint: string }).endpoint !== endpoint,
    );
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('*/api/crm/push/preferences', () => HttpResponse.json(crm.push.preferences)),
  http.put('*/api/crm/push/preferences', async ({ request }) => {
    await record(request);
    crm.push.preferences = (await request.json()) as PushPreferences;
    return HttpResponse.json(crm.push.preferences);
  }),
  http.post('*/api/crm/stages', async ({ request }) => {
    await record(request);
    const body = (await request.json()) as { name: string; color: string };
    const stage: Stage = {
      id: 50 + crm.stages.length,
      name: body.name,
      color: body.color,
      role: null,
      position: crm.stages.length,
    };
    crm.stages.push(stage);
    return HttpResponse.json(stage, { status: 201 });
  }),
  http.patch('*/api/crm/stages/:id', async ({ request, params }) => {
    await record(request);
    const body = (await request.json()) as Partial<Stage>;
    const index = crm.stages.findIndex((stage) => String(stage.id) === params.id);
    crm.stages[index] = { ...crm.stages[index]!, ...body };
    return HttpResponse.json(crm.stages[index]);
  }),
  http.delete('*/api/crm/stages/:id', async ({ request, params }) => {
    await record(request);
    crm.stages = crm.stages.filter((stage) => String(stage.id) !== params.id);
    return new HttpResponse(null, { status: 204 });
  }),
  http.put('*/api/crm/stages/order', async ({ request }) => {
    await record(request);
    const { ids } = (await request.json()) as { ids: number[] };
    crm.stages = ids.map((id, position) => ({ ...crm.stages.find((stage) => stage.id === id)!, position }));
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('*/api/crm/analytics/funnel', () =>
    HttpResponse.json({
      period,
      leads: 40,
      stages: [
        { stage: crm.stages[0], current: 10, reached: 40, conversionFromPrevious: null },
        { stage: crm.stages[1], current: 20, reached: 25, conversionFromPrevious: 0.625 },
        { stage: crm.stages[4], current: 5, reached: 5, conversionFromPrevious: 0.2 },
      ],
    }),
  ),
  http.get('*/api/crm/analytics/response-times', () =>
    HttpResponse.json({
      period,
      ai: { responses: 40, medianSeconds: 4, p90Seconds: 9 },
      human: { responses: 12, medianSeconds: 420, p90Seconds: 1800 },
      leadsPerDay: [
        { date: '2026-11-23', leads: 3 },
        { date: '2026-11-24', leads: 0 },
        { date: '2026-11-25', leads: 7 },
      ],
      handling: { leads: 40, aiToTheEnd: 30, takenOver: 10, aiShare: 0.75 },
      calls: { onTime: 4, late: 1, missed: 1 },
    }),
  ),
  http.get('*/api/crm/analytics/managers', () =>
    HttpResponse.json({
      period,
      managers: [
        {
          id: 11,
          name: 'Ержан',
          role: 'manager',
          active: true,
          leadsAssigned: 12,
          won: 3,
          humanReplies: 41,
          takeOvers: 5,
          firstResponse: { responses: 5, medianSeconds: 3900, p90Seconds: 7200 },
          calls: { onTime: 4, late: 1, missed: 1 },
        },
        {
          id: 10,
          name: 'Айгуль',
          role: 'owner',
          active: true,
          leadsAssigned: 1,
          won: 0,
          humanReplies: 2,
          takeOvers: 1,
          firstResponse: { responses: 1, medianSeconds: 180_000, p90Seconds: 180_000 },
          calls: { onTime: 0, late: 0, missed: 0 },
        },
      ],
    }),
  ),
  http.post('*/api/crm/events/ticket', ({ request }) => {
    if (request.headers.get('Authorization') === null) return HttpResponse.json({ status: 401 }, { status: 401 });
    const ticket = `ticket-${crm.tickets.size + crm.streams.length + 1}-${Math.random().toString(36).slice(2)}`;
    crm.tickets.add(ticket);
    return HttpResponse.json({ ticket, expiresIn: 30 });
  }),
  http.get('*/api/crm/events', ({ request }) => {
    const url = new URL(request.url);
    crm.streams.push({ url: request.url, authorization: request.headers.get('Authorization') !== null });
    // like the server: a one-time ticket, never a token in the URL
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!crm.tickets.delete(ticket)) return HttpResponse.json({ status: 401 }, { status: 401 });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        crm.live.add(controller);
        controller.enqueue(new TextEncoder().encode(': connected\n\n'));
      },
      cancel() {
        // the client went away
      },
    });
    return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream' } });
  }),
];
