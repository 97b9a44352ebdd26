import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/describeError';
import type { FieldProblem } from '../lib/problem';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /** Field errors that no form field shows (unknown field names). */
  extra?: FieldProblem[];
}

export function ErrorAlert({ error, title, extra = [] }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {describeError(error, t)}
      {extra.length > 0 && (
        <List size="sm" mt="xs">
          {extra.map((problem) => (
            <List.Item key={`${problem.field}:${problem.message}`}>{problem.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
