import { Alert, List } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@buildcrm/web-shared/lib/problem';
import { describeFieldProblem, describeProblem } from '@buildcrm/web-shared/lib/problems';

/** A failed action's error, in the console's language, shown right next to the action that caused it (and scrolled into view). */
export function ActionError({ error, title, extra = [] }: { error: unknown; title?: string; extra?: FieldProblem[] }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // on a phone the action may sit at the screen's bottom edge: bring its error into view
  useEffect(() => {
    // a block body: newer browsers return a promise from scrollIntoView, which React must not take for a cleanup
    void ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  return (
    <Alert ref={ref} color="red" variant="light" title={title} role="alert">
      {describeProblem(error, t, i18n.language)}
      {extra.length > 0 && (
        <List size="sm" mt="xs">
          {extra.map((problem) => (
            <List.Item key={`${problem.field}:${problem.message}`}>
              {problem.field}: {describeFieldProblem(problem.message, t, i18n.language)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
