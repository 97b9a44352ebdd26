import type { TFunction } from 'i18next';
import type { LeadEvent, PackField, Stage, StageRole } from './api/types';

/**
 * Words for what the server stores as keys (docs/adr/024-words.md): a field key becomes the pack's label, a stage
 * id or role the tenant's own stage name, an event type and its actor a phrase. Nothing here ever returns the raw
 * key: an unknown one becomes a neutral word.
 */

/** The core fields every pack has; their words live in the CRM's locales (`fields.*`) when the pack has none. */
const CORE_FIELDS = ['name', 'city', 'preferred_call_time'] as const;

/** A lead field's label in the UI language: the pack's ru/en label, the CRM's word for a core key, else "other data". */
export function fieldLabel(
  key: string,
  schema: readonly PackField[] | null | undefined,
  t: TFunction,
  language: string,
): string {
  const field = schema?.find((item) => item.key === key);
  const own = field && (language === 'en' ? (field.labelEn ?? field.labelRu) : (field.labelRu ?? field.labelEn));
  if (own) return own;
  if ((CORE_FIELDS as readonly string[]).includes(key)) return t(`fields.${key as (typeof CORE_FIELDS)[number]}`);
  return t('fields.other');
}

/** Field keys as one comma list of labels, each label once. */
export function fieldLabels(
  keys: readonly string[],
  schema: readonly PackField[] | null | undefined,
  t: TFunction,
  language: string,
): string {
  return [...new Set(keys.map((key) => fieldLabel(key, schema, t, language)))].join(', ');
}

const STAGE_ROLES: readonly StageRole[] = [
  'NEW',
  'IN_PROGRESS',
  'CALL_REQUESTED',
  'PARTIAL_DATA',
  'FULL_DATA',
  'WON',
  'LOST',
];

type StageLike = Pick<Stage, 'id' | 'name' | 'role'>;

/**
 * The tenant's name for a stage an event names: by id from the current stages (a renamed stage shows its new
 * name), else the name the event recorded, else the tenant's stage with the recorded role.
 */
export function stageName(
  ref: { id?: unknown; name?: unknown; role?: unknown },
  stages: readonly StageLike[] | null | undefined,
): string | null {
  const byId = typeof ref.id === 'number' ? stages?.find((stage) => stage.id === ref.id) : undefined;
  if (byId) return byId.name;
  // the AI's older events name a stage by its role ("PARTIAL_DATA") where no stage had that role
  const named = typeof ref.name === 'string' && ref.name !== '' ? ref.name : undefined;
  const namedRole = named !== undefined && (STAGE_ROLES as readonly string[]).includes(named) ? named : undefined;
  const role = (typeof ref.role === 'string' ? ref.role : namedRole) as StageRole | undefined;
  if (named !== undefined && namedRole === undefined) return named;
  const byRole = role ? stages?.find((stage) => stage.role === role) : undefined;
  return byRole?.name ?? null;
}

/** Event types the history has words for (`history.types.<type with _>`). */
const EVENT_TYPES = [
  'stage.changed',
  'fields.updated',
  'score.changed',
  'call.requested',
  'handoff.requested',
  'handoff.takeover',
  'handoff.returned',
  'lead.cooled',
  'lead.created',
  'greeting.sent',
  'lead.assigned',
  'ai.enabled',
  'ai.disabled',
  'followup.armed',
  'followup.sent',
  'followup.cancelled',
  'followup.finished',
  'task.created',
  'task.updated',
  'task.done',
  'task.reopened',
  'task.deleted',
] as const;

type EventKey = `history.types.${string}`;

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export interface EventContext {
  t: TFunction;
  language: string;
  schema: readonly PackField[] | null | undefined;
  stages: readonly StageLike[] | null | undefined;
}

/** One line for a history event: what happened, with field labels and the tenant's stage names. */
export function eventTitle(event: Pick<LeadEvent, 'type' | 'details'>, { t, language, schema, stages }: EventContext) {
  const d = event.details ?? {};
  const known = (EVENT_TYPES as readonly string[]).includes(event.type);
  const title = known
    ? t(`history.types.${event.type.replace('.', '_')}` as EventKey as 'history.types.stage_changed')
    : t('history.types.other');
  if (event.type === 'stage.changed') {
    const from = stageName({ id: d.fromId, name: d.from ?? d.fromName, role: d.fromRole }, stages);
    const to = stageName({ id: d.toId, name: d.to ?? d.toName, role: d.toRole }, stages);
    if (from && to) return `${title}: ${from} → ${to}`;
    return to ? `${title}: ${to}` : title;
  }
  if (event.type === 'fields.updated') {
    const keys = [...strings(d.keys), ...strings(d.removed)];
    const legacy = d.fields && typeof d.fields === 'object' ? Object.keys(d.fields) : [];
    const labels = fieldLabels([...keys, ...legacy], schema, t, language);
    return labels ? `${title}: ${labels}` : title;
  }
  if (event.type === 'score.changed' && text(d.from) !== '' && text(d.to) !== '') {
    return `${title}: ${text(d.from)} → ${text(d.to)}`;
  }
  return title;
}

/** Who did it: the person's name, else the AI manager / the system / an employee in words. */
export function actorWord(event: Pick<LeadEvent, 'actor' | 'user'>, t: TFunction): string {
  if (event.user?.name) return event.user.name;
  if (event.actor === 'AI' || event.actor === 'HUMAN' || event.actor === 'SYSTEM') {
    return t(`history.actor.${event.actor}`);
  }
  return t('history.actor.SYSTEM');
}
