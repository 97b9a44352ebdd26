import type { GreetingKind, GreetingStepRequest, GreetingView } from '../../lib/api/types';

export const GREETING_KINDS: GreetingKind[] = ['text', 'album', 'link', 'voice'];

export interface EditableMedia {
  id: string;
  caption: string;
  /** Known only for files uploaded in this session (the server does not hand out URLs of stored media). */
  previewUrl?: string;
  mimeType?: string;
}

export interface EditableStep {
  /** Client-side identity for drag and drop and React keys. */
  uid: string;
  kind: GreetingKind;
  text: string;
  url: string;
  media: EditableMedia[];
}

let counter = 0;
export function newUid(): string {
  counter += 1;
  return `step-${Date.now().toString(36)}-${counter}`;
}

export function isGreetingKind(value: unknown): value is GreetingKind {
  return typeof value === 'string' && (GREETING_KINDS as string[]).includes(value);
}

export function fromView(view: GreetingView): EditableStep[] {
  return (view.steps ?? []).map((step) => ({
    uid: newUid(),
    kind: isGreetingKind(step.kind?.toLowerCase()) ? (step.kind?.toLowerCase() as GreetingKind) : 'text',
    text: step.text ?? '',
    url: step.url ?? '',
    media: (step.media ?? []).map((m) => ({ id: m.id ?? '', caption: m.caption ?? '' })),
  }));
}

export function toRequest(steps: EditableStep[]): GreetingStepRequest[] {
  return steps.map((s) => ({
    kind: s.kind,
    text: s.text,
    url: s.kind === 'link' ? s.url.trim() : '',
    mediaIds: s.kind === 'album' || s.kind === 'voice' ? s.media.map((m) => m.id) : [],
    captions: s.kind === 'album' || s.kind === 'voice' ? s.media.map((m) => m.caption) : [],
  }));
}

export function moveStep(steps: EditableStep[], from: number, to: number): EditableStep[] {
  if (to < 0 || to >= steps.length || from === to) return steps;
  const next = [...steps];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/** Problems the server would refuse, keyed by step uid. */
export function validateSteps(steps: EditableStep[]): Record<string, 'text' | 'url' | 'media' | 'voice'> {
  const problems: Record<string, 'text' | 'url' | 'media' | 'voice'> = {};
  for (const s of steps) {
    if (s.kind === 'text' && s.text.trim() === '') problems[s.uid] = 'text';
    else if (s.kind === 'link' && !/^https?:\/\/\S+$/.test(s.url.trim())) problems[s.uid] = 'url';
    else if (s.kind === 'album' && (s.media.length === 0 || s.media.length > 10)) problems[s.uid] = 'media';
    else if (s.kind === 'voice' && s.media.length !== 1) problems[s.uid] = 'voice';
  }
  return problems;
}
