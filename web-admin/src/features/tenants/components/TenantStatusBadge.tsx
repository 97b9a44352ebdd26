import {} from '@mantine/core';
import { WordBadge } from '../../../components/WordBadge';
import { useTranslation } from 'react-i18next';

const STATUS = {
  active: { key: 'tenants.status.active', color: 'green' },
  suspended: { key: 'tenants.status.suspended', color: 'orange' },
} as const;

function isKnownStatus(status: string): status is keyof typeof STATUS {
  return status in STATUS;
}

/** Known statuses are translated; a status this console does not know yet is shown as the server sent it. */
export function TenantStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const normalized = status.toLowerCase();
  if (!isKnownStatus(normalized)) {
    return (
      <WordBadge color="gray" variant="light">
        {status}
      </WordBadge>
    );
  }
  return (
    <WordBadge color={STATUS[normalized].color} variant="light">
      {t(STATUS[normalized].key)}
    </WordBadge>
  );
}
