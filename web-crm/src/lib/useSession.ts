import { useSyncExternalStore } from 'react';
import { session } from './api';
import type { SessionState } from '@shared/lib/session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
