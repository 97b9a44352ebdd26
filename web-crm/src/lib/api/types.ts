/**
 * The CRM's view of the API. Every response shape is the generated OpenAPI schema's (`npm run api` →
 * @buildcrm/web-shared/api/schema.ts), read through `Api<...>`; the hand-written parts are only what the document
 * cannot say: the closed vocabularies (the server's Java types are strings), which properties may be null or
 * absent, and the free-form JSON objects. Names are the ones the app used before (aliases of schema types).
 */
import type { components } from '@buildcrm/web-shared/api/schema';

type Schemas = components['schemas'];

/**
 * The generated document marks every property optional and types every `OffsetDateTime` (and free-form JSON object)
 * as `Record<string, never>`: here every property is present (nested objects too) and a time is its ISO-8601 string.
 */
type Wire<T> =
  T extends Record<string, never>
    ? string
    : T extends (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]-?: Wire<Exclude<T[K], undefined>> }
        : T;

/** Only keys of the schema object may be narrowed (a typo or a renamed property fails the type check). */
type Narrowing<K extends keyof Schemas> = { [P in keyof Schemas[K]]?: unknown };

/**
 * Schema object `K` as the CRM reads it: every property present with its wire type, except those `N` narrows (a
 * closed vocabulary, `| null`, optional, or a nested object read through its own alias).
 */
type Api<K extends keyof Schemas, N extends Narrowing<K> = object> = Omit<Wire<Schemas[K]>, keyof N> & N;

export type StageRole = 'NEW' | 'IN_PROGRESS' | 'CALL_REQUESTED' | 'PARTIAL_DATA' | 'FULL_DATA' | 'WON' | 'LOST';
export type Temperature = 'HOT' | 'WARM' | 'COLD';
export type HandledBy = 'AI' | 'HUMAN';
export type Role = 'owner' | 'rop' | 'manager';

export type Stage = Api<'StageResponse', { role: StageRole | null; color: string | null }>;
/** A board column's stage (the same shape as a stage). */
type StageCard = Api<'StageCard', { role: StageRole | null; color: string | null }>;

export type StageRef = Api<'StageRef', { role: StageRole | null }>;

export type UserRef = Api<'PersonRef'>;

type LastMessage = Api<'LastMessage', { text: string | null; direction: 'IN' | 'OUT' }>;

/** Who gave a lead's value (issue 16): the client said it, the WhatsApp profile, or a CRM user edited it. */
export type FieldSource = 'CLIENT' | 'PROFILE' | 'PERSON';

export type Lead = LeadJson & {
  /** What to do next with this lead (issue 14); null when nothing is due. Absent from older servers. */
  nextAction?: NextAction | null;
  /** Where each value (by field key, `name` and `city` included) came from; absent from older servers. */
  fieldSources?: Record<string, FieldSource>;
};

type LeadJson = Api<
  'LeadResponse',
  {
    name: string | null;
    city: string | null;
    stage: StageRef;
    temperature: Temperature | null;
    handledBy: HandledBy;
    handler: UserRef | null;
    assignee: UserRef | null;
    lastMessage: LastMessage | null;
    waitingForReplySince: string | null;
    fields: Record<string, unknown>;
    source?: string | null;
    aiEnabled?: boolean;
    needsHuman?: boolean;
    stageLockedByHuman?: boolean;
  }
>;

/** A page of any list answered with a cursor (the schema has one per list, e.g. LeadPage). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type BoardColumn = Api<'ColumnResponse', { stage: StageCard; leads: Lead[]; nextCursor: string | null }>;

export type MessageKind = 'TEXT' | 'IMAGE' | 'VIDEO' | 'VOICE' | 'AUDIO' | 'DOCUMENT' | string;
export type MessageStatus = 'QUEUED' | 'SENT' | 'FAILED' | 'UNKNOWN' | 'DELIVERED' | 'READ' | 'RECEIVED';

export type MediaRef = Api<'MediaRef', { id: string | number; mimeType: string | null; name: string | null }>;

export type Message = Api<
  'MessageResponse',
  {
    direction: 'IN' | 'OUT';
    author: 'CLIENT' | 'AI' | 'HUMAN';
    authorId: number | null;
    kind: MessageKind;
    text: string | null;
    media: MediaRef | null;
    status: MessageStatus;
    error: string | null;
    sentAt: string | null;
    /** A client's voice note as text, once transcribed (ADR 033). */
    transcript?: string | null;
    /** Voice notes only: DONE, FAILED / OFF (not transcribed), PENDING; null for other messages. */
    transcription?: 'DONE' | 'FAILED' | 'OFF' | 'PENDING' | null;
  }
>;

export type MessagePage = Api<'MessagePage', { items: Message[]; previousCursor: string | null }>;

export type LeadEvent = Api<
  'EventView',
  {
    actor: 'AI' | 'HUMAN' | 'SYSTEM';
    user: UserRef | null;
    reason: string | null;
    details: Record<string, unknown> | null;
  }
>;

/** A user as the settings list shows it (the answer also has createdAt and lastLoginAt, unused here). */
export type CrmUser = Pick<Api<'UserResponse'>, 'id' | 'name' | 'email' | 'role' | 'status'>;

export type CrmSettings = Api<'CrmSettingsResponse'> & DaySettings;

/** Request bodies come straight from the generated schema. */
export type SendMessageBody = Schemas['SendMessageRequest'];
export type CreateUserBody = Schemas['CreateUserRequest'];

/** A qualification field of the tenant's pack (the schema's FieldResponse without the questions). */
export type PackField = Pick<
  Api<
    'FieldResponse',
    {
      required?: boolean;
      labelRu?: string | null;
      labelEn?: string | null;
      min?: number | null;
      max?: number | null;
    }
  >,
  'key' | 'type' | 'required' | 'labelRu' | 'labelEn' | 'min' | 'max'
>;

export type PackSchema = Pick<Api<'TenantPackResponse', { fields: PackField[] }>, 'id' | 'fields'>;

/** POST /api/crm/media (answered as a plain Response, so not in the document). */
export interface UploadedMedia {
  id: string | number;
  url: string;
  mimeType: string;
  size: number;
}

/** Analytics (GET /api/crm/analytics/*): periods in the company's time zone. */
export type AnalyticsPeriod = Api<'Period'>;

export type FunnelStage = Api<
  'FunnelStage',
  {
    stage: StageCard;
    /** leads of the period in this stage now */
    current: number;
    /** leads of the period that were ever in this stage */
    reached: number;
    conversionFromPrevious: number | null;
  }
>;

export type Funnel = Api<'FunnelResponse', { stages: FunnelStage[] }>;

export type ResponseTime = Api<'ResponseTime', { medianSeconds: number | null; p90Seconds: number | null }>;

export type ResponseTimes = Api<
  'ResponseTimesResponse',
  {
    ai: ResponseTime;
    human: ResponseTime;
    handling: Api<'Handling', { aiShare: number | null }>;
  }
>;

export type ManagerStats = Api<'ManagerStats', { firstResponse: ResponseTime }>;

export type ManagersReport = Api<'ManagersResponse', { managers: ManagerStats[] }>;

/*
 * The manager's day (issue 14). Hand-written from the contract until the server's OpenAPI documents them; after
 * `npm run api:fetch` these may become aliases of the generated schema like the types above.
 */
export type NextActionKind = 'CLIENT_WAITING' | 'CALL_DUE' | 'TASK_DUE' | 'HOT_UNASSIGNED' | 'NO_ANSWER' | 'STALE';

export interface NextAction {
  kind: NextActionKind | string;
  /** a sentence in the user's language, e.g. «Клиент ждёт ответа 12 мин» */
  reason: string;
  /** 0–100 */
  urgency: number;
  dueAt: string | null;
  /** the task this action comes from (a call or a to-do), when there is one */
  taskId: number | null;
}

/** GET /api/crm/now: one line of the ranked queue. */
export interface NowItem {
  lead: Lead;
  action: NextAction;
}

/** GET /api/crm/now/team: one person's queue. */
export interface TeamQueue {
  userId: number;
  name: string;
  queued: number;
  overdue: number;
}

export interface LeadTask {
  id: number;
  leadId: number;
  kind: 'CALL' | 'TODO';
  title: string;
  note: string | null;
  /** null = as soon as possible */
  dueAt: string | null;
  /** the client's own words for the time («завтра после обеда») */
  dueText: string | null;
  assignee: UserRef | null;
  done: boolean;
  doneAt: string | null;
  source: 'AI' | 'USER';
  createdAt: string;
}

export interface NewTaskBody {
  title: string;
  kind?: 'CALL' | 'TODO';
  dueAt?: string | null;
  assigneeId?: number | null;
  note?: string | null;
}

export interface TaskChange {
  title?: string;
  dueAt?: string | null;
  assigneeId?: number | null;
  note?: string | null;
  done?: boolean;
}

export type AssignmentMode = 'MANUAL' | 'ROUND_ROBIN' | 'LEAST_LOADED';
export type AssignmentMoment = 'CALL_REQUESTED' | 'HANDOFF' | 'CREATED';

export interface AssignmentSettings {
  mode: AssignmentMode;
  on: AssignmentMoment[];
  /** user ids; empty = every active manager */
  rotation: number[];
  /** null = off */
  reassignAfterMinutes: number | null;
}

/** The planner's and working-day settings of GET/PATCH /api/crm/settings (issue 14). */
export interface DaySettings {
  staleAfterDays?: number;
  /** "HH:mm" in the company's time zone */
  workDayStart?: string;
  workDayEnd?: string;
}

export interface PushPreferences {
  assigned: boolean;
  clientWaiting: boolean;
  callSoon: boolean;
  hotLead: boolean;
}

/**
 * GET /api/crm/leads/{id}/summary: the handoff summary (issue 16, ADR 034), structured so the CRM words it in its own
 * language. Hand-written from the server's records (`Summaries.SummaryView`, `HandoffSummary`).
 */
export interface SummaryFact {
  key: string;
  labelRu: string;
  labelEn: string;
  type: 'TEXT' | 'NUMBER' | 'INTEGER' | 'BOOLEAN' | string;
  value: string | number | boolean;
  /** new or changed since the snapshot taken at the handoff */
  changed: boolean;
}

export interface SummaryOpenQuestion {
  key: string;
  labelRu: string;
  labelEn: string;
  questionRu: string;
  questionEn: string;
}

export type SummaryStepKind = NextActionKind | 'CALL' | 'ASK' | 'OFFER' | 'DONE';

export interface HandoffSummary {
  want: {
    topicRu: string;
    topicEn: string;
    need?: string | null;
    callRequested: boolean;
    callTime?: string | null;
    clientWords: string[];
  };
  fields: SummaryFact[];
  open: SummaryOpenQuestion[];
  nextStep: { kind: SummaryStepKind | string; reason?: string | null; fieldKeys: string[] };
  /** the LLM's condensed wording, when the company has an LLM */
  text?: string | null;
  textLocale?: string | null;
}

export interface LeadSummary {
  leadId: number;
  pinned: boolean;
  trigger?: 'TAKEN_OVER' | 'HANDED_OFF' | 'CALL_REQUESTED' | null;
  takenAt?: string | null;
  summary: HandoffSummary;
  snapshot?: HandoffSummary | null;
}
