import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../lib/problem';
import { describeFieldProblem, describeProblem, type ProblemType } from '../lib/problems';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /** Field errors that no form field shows (unknown field names). */
  extra?: FieldProblem[];
  /** This screen's own words for some problem types (see `describeProblem`). */
  words?: Partial<Record<ProblemType, string>>;
}

/** A failed call in the app's language: server problem types map to our words, never the server's English. */
export function ErrorAlert({ error, title, extra = [], words }: ErrorAlertProps) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {describeProblem(error, t, i18n.language, words)}
      {extra.length > 0 && (
        <List size="sm" mt="xs">
          {extra.map((problem) => (
            <List.Item key={`${problem.field}:${problem.message}`}>
              {describeFieldProblem(problem.message, t, i18n.language)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
