import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadCard } from './LeadCard';

const LeadCardChunk = lazy(() => import('./LeadCard').then((m) => ({ default: m.LeadCard })));

/**
 * The lead screen for screens that open it only on a tap («Сейчас»): its chunk (chat, tasks, data, stage forms)
 * loads when a lead is opened, not with the screen, which then starts with less to fetch and evaluate.
 */
export function LazyLeadCard(props: ComponentProps<typeof LeadCard>) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center h="40vh">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      }
    >
      <LeadCardChunk {...props} />
    </Suspense>
  );
}
