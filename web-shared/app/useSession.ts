import { useSyncExternalStore } from 'react';
import type { SessionState } from '../lib/session';
import { useApi } from './AppProviders';

export function useSession(): SessionState {
  const { session } = useApi();
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
