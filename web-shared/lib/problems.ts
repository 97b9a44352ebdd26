import type { TFunction } from 'i18next';
import { describeError } from './describeError';
import { ApiError, NetworkError, SessionExpiredError } from './errors';

/**
 * Problem types (the last segment of `https://buildcrm.dev/problems/<type>`) both apps have words for: every type
 * the server's `ApiProblem` factory answers with (see docs/adr/024-words.md). Each app's locales carry
 * `problems.type.<type>` for each of them.
 */
export const KNOWN_PROBLEM_TYPES = [
  'validation',
  'malformed-body',
  'unauthorized',
  'forbidden',
  'not-found',
  'too-many-requests',
  'payload-too-large',
  'assign-forbidden',
  'email-taken',
  'no-recipient',
  'no-tenant',
  'not-sandbox',
  'open-call-task',
  'role-not-allowed',
  'self-disable',
  'slug-taken',
  'stage-not-empty',
  'system-stage',
  'team-view-not-allowed',
  'tenant-state',
  'tenant-suspended',
  'too-many-stages',
  'user-disabled',
] as const;

export type ProblemType = (typeof KNOWN_PROBLEM_TYPES)[number];

/** Fallback sentences by HTTP status, when the type is unknown. */
const KNOWN_STATUSES = [400, 401, 403, 404, 409, 413, 415, 422, 429] as const;

/** The type a bare status stands for (a proxy or an older server answers without our type). */
const TYPE_OF_STATUS: Partial<Record<number, ProblemType>> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  413: 'payload-too-large',
  429: 'too-many-requests',
};

function isKnownType(type: string): type is ProblemType {
  return (KNOWN_PROBLEM_TYPES as readonly string[]).includes(type);
}

function isKnownStatus(status: number): status is (typeof KNOWN_STATUSES)[number] {
  return (KNOWN_STATUSES as readonly number[]).includes(status);
}

export function problemType(type: string | undefined): string {
  if (!type) return '';
  const slash = type.lastIndexOf('/');
  return slash >= 0 ? type.slice(slash + 1) : type;
}

/**
 * One sentence for a failed call, in the app's language. Problem types and statuses are mapped to our own words
 * (`words` lets a screen say more for a type, e.g. the sign-in form's 401 is "wrong e-mail or password"); the
 * server's English `detail` is shown only in English and only when we have no words.
 */
export function describeProblem(
  error: unknown,
  t: TFunction,
  language: string,
  words: Partial<Record<ProblemType, string>> = {},
): string {
  if (!(error instanceof ApiError)) {
    if (error instanceof NetworkError || error instanceof SessionExpiredError) return describeError(error, t);
    return t('errors.unexpected', { status: '—' });
  }
  const type = problemType(error.problem.type);
  const ownType = isKnownType(type) ? type : TYPE_OF_STATUS[error.status];
  const own = ownType === undefined ? undefined : words[ownType];
  if (own !== undefined) return own;
  if (error.status === 429) return describeError(error, t);
  if (error.status >= 500) return t('errors.unexpected', { status: error.status });
  if (isKnownType(type)) return t(`problems.type.${type}`);
  if (language === 'en' && error.problem.detail) return error.problem.detail;
  const status = error.status;
  if (isKnownStatus(status)) return t(`problems.status.${status}`);
  return t('errors.unexpected', { status: error.status });
}

/**
 * A server's message for one field, in the app's language: the server's English words pass only in English; in
 * Russian the field gets a plain "check this value".
 */
export function describeFieldProblem(message: string, t: TFunction, language: string): string {
  return language === 'en' ? message : t('problems.field');
}
