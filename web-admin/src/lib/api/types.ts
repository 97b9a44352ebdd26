/**
 * API shapes the console uses. Where the server's OpenAPI document describes a body, the type is taken from the
 * generated `@shared/api/schema.ts` (npm run api); endpoints answering free-form JSON (follow-ups) are typed here by hand
 * after their documented contract.
 */
import type { components } from '@buildcrm/web-shared/api/schema';

/**
 * The generated document types every `OffsetDateTime` (and free-form JSON object) as `Record<string, never>`:
 * on the wire a time is an ISO-8601 string. The server leaves null fields out, so optional (`?`) is accurate.
 */
type Wire<T> =
  T extends Record<string, never>
    ? string
    : T extends (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

type Schemas = components['schemas'];
type S<K extends keyof Schemas> = Wire<Schemas[K]>;

export type Tenant = S<'TenantResponse'>;
export type ChannelSummary = S<'ChannelSummary'>;
export type ChannelView = S<'View'>;
export type ChannelTestResult = S<'TestResult'>;
export type Pack = S<'PackResponse'>;
export type PackSetting = S<'SettingResponse'>;
export type AiView = S<'AiView'>;
export type PackView = S<'PackView'>;
export type GreetingView = S<'GreetingView'>;
export type GreetingStep = S<'Step'>;
export type ChatMessage = S<'MessageResponse'>;
export type Lead = Omit<S<'LeadResponse'>, 'fields'> & { fields?: Record<string, unknown> };
export type AdminHealth = S<'AdminHealth'>;
export type HealthTenant = S<'TenantInbound'>;
export type AuditEntry = Omit<S<'AuditEntry'>, 'details'> & { details?: Record<string, unknown> };
export type AuditPage = { items?: AuditEntry[]; nextCursor?: string };

/** POST /api/admin/tenants/{id}/media (answered as a plain Response, so not in the document). */
export interface StoredMediaResponse {
  id: string;
  url: string;
  mimeType: string;
  size: number;
}

export type Provider = 'chatflow' | 'meta-cloud' | 'sandbox';
export type GreetingKind = 'text' | 'album' | 'link' | 'voice';

/** PUT /api/admin/tenants/{id}/greeting step. */
export interface GreetingStepRequest {
  kind: GreetingKind;
  text: string;
  mediaIds: string[];
  captions: string[];
  url: string;
}

/** GET/PUT/DELETE /api/admin/tenants/{id}/followups (JSON, not described in OpenAPI). */
export interface FollowUpPolicy {
  quietHours: { from: string; to: string };
  steps: { delayMinutes: number; text: string }[];
  capPerSilence: number;
  minSpacingMinutes: number;
  jitterMinutes: number;
  source?: 'pack' | 'tenant';
  timezone?: string;
}

export interface FollowUpTimeline {
  timezone: string;
  armedAt?: string;
  steps: { index: number; text: string; dueAt: string; movedByQuietHours: boolean }[];
}

/** One knowledge-base entry: `QA` (question variants + answer) or `DOCUMENT` (title + text). ADR 032. */
export interface KnowledgeEntry {
  id?: string;
  kind?: 'QA' | 'DOCUMENT';
  title: string;
  questions: string[];
  answer: string;
}

/** GET/PUT /api/admin/tenants/{id}/knowledge. */
export interface KnowledgeBaseView {
  source: 'PACK' | 'TENANT';
  packId: string;
  version: number;
  editedAt: string | null;
  editedBy: string | null;
  limits: {
    entries: number;
    title: number;
    questions: number;
    question: number;
    answer: number;
    document: number;
    paragraph: number;
  };
  entries: KnowledgeEntry[];
}
