import { useCallback, useEffect, useState } from 'react';

/** Seconds left until a rate limit (Retry-After) lets the user try again; ticks once a second. */
export function useRetryCountdown() {
  const [state, setState] = useState<{ until: number; now: number } | null>(null);

  useEffect(() => {
    if (state === null || state.now >= state.until) return;
    const timer = window.setTimeout(() => setState({ until: state.until, now: Date.now() }), 1000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const start = useCallback((seconds: number) => {
    const now = Date.now();
    setState({ until: now + seconds * 1000, now });
  }, []);

  const secondsLeft = state === null ? 0 : Math.max(0, Math.ceil((state.until - state.now) / 1000));
  return { secondsLeft, start };
}
