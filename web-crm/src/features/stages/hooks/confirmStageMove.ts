import { useSyncExternalStore } from 'react';

/** A move into a final stage waiting for the user's yes or no (StageMoveConfirm shows it). */
export interface StageMoveQuestion {
  leadTitle: string;
  stageName: string;
  final: 'WON' | 'LOST';
  answer: (yes: boolean) => void;
}

let question: StageMoveQuestion | null = null;
let hosts = 0;
const listeners = new Set<() => void>();

function publish(next: StageMoveQuestion | null) {
  question = next;
  listeners.forEach((listener) => listener());
}

/** Asks the mounted StageMoveConfirm; a newer question answers the older one "no". */
export function confirmStageMove(ask: Omit<StageMoveQuestion, 'answer'>): Promise<boolean> {
  // without a host (a screen rendered on its own) the browser's own dialog asks
  if (hosts === 0) return Promise.resolve(window.confirm(`${ask.leadTitle} → ${ask.stageName}?`));
  question?.answer(false);
  return new Promise((resolve) => {
    const asked: StageMoveQuestion = {
      ...ask,
      answer: (yes) => {
        if (question === asked) publish(null);
        resolve(yes);
      },
    };
    publish(asked);
  });
}

export function useStageMoveQuestion(): StageMoveQuestion | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => question,
    () => null,
  );
}

/** Counts mounted hosts so a question is never left without anyone to show it. */
export function registerStageMoveHost(): () => void {
  hosts += 1;
  return () => {
    hosts -= 1;
    if (hosts === 0) question?.answer(false);
  };
}
