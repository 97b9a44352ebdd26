import type { TFunction } from 'i18next';
import { describeError } from '@buildcrm/web-shared/lib/describeError';
import { ApiError, NetworkError, SessionExpiredError } from '@buildcrm/web-shared/lib/errors';

/** Problem types (the last segment of `https://buildcrm.dev/problems/<type>`) this console has words for. */
export const KNOWN_PROBLEM_TYPES = [
  'not-sandbox',
  'tenant-suspended',
  'tenant-state',
  'slug-taken',
  'forbidden',
  'unauthorized',
  'too-many-requests',
] as const;

/** Fallback sentences by HTTP status, when the type is unknown. */
const KNOWN_STATUSES = [400, 401, 403, 404, 409, 413, 415, 422, 429] as const;

function isKnownType(type: string): type is (typeof KNOWN_PROBLEM_TYPES)[number] {
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
 * One sentence for a failed call, in the console's language. Problem types and statuses are mapped to our own
 * words; the server's English `detail` is shown only in the English console and only when we have no words.
 */
export function describeProblem(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) {
    if (error instanceof NetworkError || error instanceof SessionExpiredError) return describeError(error, t);
    return t('errors.unexpected', { status: '—' });
  }
  if (error.status === 429) return describeError(error, t);
  if (error.status >= 500) return t('errors.unexpected', { status: error.status });
  const type = problemType(error.problem.type);
  if (isKnownType(type)) return t(`problems.type.${type}`);
  if (language === 'en' && error.problem.detail) return error.problem.detail;
  const status = error.status;
  if (isKnownStatus(status)) return t(`problems.status.${status}`);
  return t('errors.unexpected', { status: error.status });
}

/**
 * A server's message for one field, in the console's language: English servers words pass only in English; in
 * Russian the field gets a plain "check this value".
 */
export function describeFieldProblem(message: string, t: TFunction, language: string): string {
  return language === 'en' ? message : t('problems.field');
}
