import { Drawer, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { LeadCard } from '../../lead/components/LeadCard';
import { filtersFromSearch, filtersToSearch, type LeadFilters } from '../api/filters';
import { EmptyCompany } from './EmptyCompany';
import { KanbanBoard } from './KanbanBoard';
import { LeadFiltersBar } from './LeadFiltersBar';
import { LeadsList } from './LeadsList';

/**
 * Board or list, filters in the URL. The lead card opens at /leads/:id: as a side panel over the leads on a desktop,
 * as its own page on a phone.
 */
export function LeadsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { leadId } = useParams();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const filters = filtersFromSearch(search);
  const query = search.toString();
  const leadHref = (id: number) => `/leads/${id}${query ? `?${query}` : ''}`;
  const closeLead = () => void navigate(`/leads${query ? `?${query}` : ''}`);
  const openId = leadId !== undefined && /^\d+$/.test(leadId) ? Number(leadId) : null;

  if (phone && openId !== null) return <LeadCard leadId={openId} onClose={closeLead} />;

  return (
    <Stack gap="sm">
      <LeadFiltersBar
        filters={filters}
        onChange={(next: LeadFilters) => setSearch(filtersToSearch(next), { replace: true })}
      />
      <EmptyCompany />
      {filters.view === 'list' ? (
        <LeadsList filters={filters} leadHref={leadHref} />
      ) : (
        <KanbanBoard filters={filters} leadHref={leadHref} />
      )}
      <Drawer
        opened={openId !== null}
        onClose={closeLead}
        position="right"
        size={640}
        title={t('lead.title')}
        padding="sm"
      >
        {openId !== null && <LeadCard leadId={openId} onClose={closeLead} />}
      </Drawer>
    </Stack>
  );
}
