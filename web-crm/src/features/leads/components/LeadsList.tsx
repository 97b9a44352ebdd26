import { Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { formatDateTime } from '../../../lib/time';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import type { LeadFilters } from '../api/filters';
import { listQueryOptions } from '../api/leads';
import { HandlerBadge, leadTitle, NoReplyTimer, StageBadge, TemperatureScore } from '../../lead/components/LeadBadges';
import { LeadTile } from './LeadTile';
import { NextActionLine } from '../../lead/components/NextActionLine';

export function LeadsList({ filters, leadHref }: { filters: LeadFilters; leadHref: (id: number) => string }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const phone = useMediaQuery('(max-width: 48em)');
  const navigate = useNavigate();
  const list = useInfiniteQuery(listQueryOptions(filters));

  if (list.isPending) return <Loader aria-label={t('common.loading')} />;
  if (list.isError) return <ErrorAlert error={list.error} title={t('leads.loadFailed')} />;

  const leads = list.data.pages.flatMap((page) => page.items);
  const more = list.hasNextPage && (
    <Button variant="subtle" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
      {t('board.more')}
    </Button>
  );

  if (leads.length === 0) return <Text c="dimmed">{t('leads.empty')}</Text>;

  if (phone) {
    return (
      <Stack gap="xs" data-testid="lead-list">
        {leads.map((lead) => (
          <LeadTile key={lead.id} lead={lead} to={leadHref(lead.id)} />
        ))}
        {more}
      </Stack>
    );
  }

  return (
    <Stack gap="xs">
      <Table highlightOnHover striped data-testid="lead-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('leads.columns.lead')}</Table.Th>
            <Table.Th>{t('leads.city')}</Table.Th>
            <Table.Th>{t('leads.columns.lastMessage')}</Table.Th>
            <Table.Th>{t('leads.stage')}</Table.Th>
            <Table.Th>{t('leads.columns.score')}</Table.Th>
            <Table.Th>{t('leads.columns.waiting')}</Table.Th>
            <Table.Th>{t('leads.handledBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => (
            <Table.Tr
              key={lead.id}
              data-testid="lead-row"
              data-lead-id={lead.id}
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate(leadHref(lead.id))}
            >
              <Table.Td>
                <Text size="sm" fw={600}>
                  {leadTitle(lead)}
                </Text>
                {lead.name && (
                  <Text size="xs" c="dimmed">
                    {lead.phone}
                  </Text>
                )}
                <NextActionLine action={lead.nextAction} compact />
              </Table.Td>
              <Table.Td>{lead.city ?? '—'}</Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" truncate="end">
                  {lead.lastMessage?.text ?? ''}
                </Text>
                {lead.lastMessage && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(lead.lastMessage.at, timeZone, i18n.language)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StageBadge name={lead.stage.name} />
              </Table.Td>
              <Table.Td>
                <TemperatureScore lead={lead} />
              </Table.Td>
              <Table.Td>
                <NoReplyTimer lead={lead} />
              </Table.Td>
              <Table.Td>
                <HandlerBadge lead={lead} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {more}
    </Stack>
  );
}
