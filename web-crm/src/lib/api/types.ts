/**
 * The CRM's view of the API (API.md's fixed surface). Where the generated OpenAPI schema (@shared/api/schema.ts) already
 * describes a response, the type is taken from it; the rest mirrors the contract the server branches implement.
 */
import type { components } from '@buildcrm/web-shared/api/schema';

type Schemas = components['schemas'];

export type StageRole = 'NEW' | 'IN_PROGRESS' | 'CALL_REQUESTED' | 'PARTIAL_DATA' | 'FULL_DATA' | 'WON' | 'LOST';
export type Temperature = 'HOT' | 'WARM' | 'COLD';
export type HandledBy = 'AI' | 'HUMAN';
export type Role = 'owner' | 'rop' | 'manager';

export interface Stage {
  id: number;
  name: string;
  role: StageRole | null;
  position: number;
  color: string | null;
}

export interface StageRef {
  id: number;
  name: string;
  role: StageRole | null;
}

export interface UserRef {
  id: number;
  name: string;
}

export interface Lead {
  id: number;
  name: string | null;
  phone: string;
  city: string | null;
  stage: StageRef;
  temperature: Temperature | null;
  score: number;
  handledBy: HandledBy;
  handler: UserRef | null;
  assignee: UserRef | null;
  lastMessage: { text: string | null; direction: 'IN' | 'OUT'; at: string } | null;
  waitingForReplySince: string | null;
  noReply: boolean;
  fields: Record<string, unknown>;
  source?: string | null;
  createdAt: string;
  updatedAt: string;
  aiEnabled?: boolean;
  needsHuman?: boolean;
  stageLockedByHuman?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  leads: Lead[];
  nextCursor: string | null;
}

export type MessageKind = 'TEXT' | 'IMAGE' | 'VIDEO' | 'VOICE' | 'AUDIO' | 'DOCUMENT' | string;
export type MessageStatus = 'QUEUED' | 'SENT' | 'FAILED' | 'UNKNOWN' | 'DELIVERED' | 'READ' | 'RECEIVED';

export interface MediaRef {
  id: string | number;
  mimeType: string | null;
  name: string | null;
  url: string;
}

export interface Message {
  id: number;
  direction: 'IN' | 'OUT';
  author: 'CLIENT' | 'AI' | 'HUMAN';
  authorId: number | null;
  kind: MessageKind;
  text: string | null;
  media: MediaRef | null;
  status: MessageStatus;
  error: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface MessagePage {
  items: Message[];
  previousCursor: string | null;
}

export interface LeadEvent {
  id: number;
  type: string;
  actor: 'AI' | 'HUMAN' | 'SYSTEM';
  user: UserRef | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

export interface CrmUser {
  id: number;
  name: string;
  email: string;
  role: string;
  status: string;
}

export interface CrmSettings {
  managersSeeAll: boolean;
}

/** Request bodies come straight from the generated schema. */
export type SendMessageBody = Schemas['SendMessageRequest'];
export type CreateUserBody = Schemas['CreateUserRequest'];

export interface PackField {
  key: string;
  type: string;
  required?: boolean;
  labelRu?: string | null;
  labelEn?: string | null;
  min?: number | null;
  max?: number | null;
}

export interface PackSchema {
  id: string;
  fields: PackField[];
}

export interface UploadedMedia {
  id: string | number;
  url: string;
  mimeType: string;
  size: number;
}

/** Analytics (GET /api/crm/analytics/*): periods in the company's time zone. */
export interface AnalyticsPeriod {
  from: string;
  to: string;
  timezone: string;
}
export interface FunnelStage {
  stage: Stage;
  /** leads of the period in this stage now */
  current: number;
  /** leads of the period that were ever in this stage */
  reached: number;
  conversionFromPrevious: number | null;
}
export interface Funnel {
  period: AnalyticsPeriod;
  leads: number;
  stages: FunnelStage[];
}
export interface ResponseTime {
  responses: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}
export interface ResponseTimes {
  period: AnalyticsPeriod;
  ai: ResponseTime;
  human: ResponseTime;
  leadsPerDay: { date: string; leads: number }[];
  handling: { leads: number; aiToTheEnd: number; takenOver: number; aiShare: number | null };
}
export interface ManagerStats {
  id: number;
  name: string;
  role: string;
  active: boolean;
  leadsAssigned: number;
  won: number;
  responseTime: ResponseTime;
}
export interface ManagersReport {
  period: AnalyticsPeriod;
  managers: ManagerStats[];
}
