import type { TFunction } from 'i18next';
import { ApiError, NetworkError, SessionExpiredError } from './errors';

/** One human sentence for any failure of an API call, in the current language where we have one. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfterSeconds === null
        ? t('errors.tooManyAttemptsLater')
        : t('errors.tooManyAttempts', { seconds: error.retryAfterSeconds });
    }
    if (error.problem.detail) return error.problem.detail;
    if (error.status >= 500 || !error.problem.title) return t('errors.unexpected', { status: error.status });
    return error.problem.title;
  }
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof SessionExpiredError) return t('auth.sessionExpired');
  return t('errors.unexpected', { status: '—' });
}
