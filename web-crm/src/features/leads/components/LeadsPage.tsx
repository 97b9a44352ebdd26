import { Drawer, Loader, Stack } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreenSearchParams } from '@buildcrm/web-shared/app/useScreenSearchParams';
import { useNavigate, useParams } from 'react-router';
import { usePhone } from '../../../lib/usePhone';
import { LeadCard } from '../../lead/components/LeadCard';
import { filtersFromSearch, filtersToSearch, type LeadFilters } from '../api/filters';
import { useCompanyEmpty } from '../hooks/useCompanyEmpty';
import { EmptyCompany } from './EmptyCompany';
import { KanbanBoard } from './KanbanBoard';
import { LeadFiltersBar } from './LeadFiltersBar';
import { LeadsList } from './LeadsList';
import { PhoneBoard } from './PhoneBoard';

/**
 * Board or list, filters in the URL. The board is a Kanban board on a desktop and stage tabs over a list on a phone.
 * The lead card opens at /leads/:id: as a side panel over the leads on a desktop, as its own page on a phone.
 */
export function LeadsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useScreenSearchParams();
  const { leadId } = useParams();
  const navigate = useNavigate();
  const phone = usePhone();
  const company = useCompanyEmpty();
  const filters = filtersFromSearch(search);
  const query = search.toString();
  const leadHref = (id: number) => `/leads/${id}${query ? `?${query}` : ''}`;
  const closeLead = () => void navigate(`/leads${query ? `?${query}` : ''}`);
  const openId = leadId !== undefined && /^\d+$/.test(leadId) ? Number(leadId) : null;
  const chooseColumn = useCallback(
    (column: string) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('column', column);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  if (phone && openId !== null) return <LeadCard leadId={openId} onClose={closeLead} />;

  return (
    <Stack gap="sm">
      <LeadFiltersBar
        filters={filters}
        onChange={(next: LeadFilters) => setSearch(filtersToSearch(next), { replace: true })}
      />
      <EmptyCompany />
      {/* the first steps of a new company appear above the leads: wait for them, so they never push the board down */}
      {company.pending ? (
        <Loader aria-label={t('common.loading')} />
      ) : filters.view === 'list' ? (
        <LeadsList filters={filters} leadHref={leadHref} />
      ) : phone ? (
        <PhoneBoard filters={filters} leadHref={leadHref} onChoose={chooseColumn} />
      ) : (
        <KanbanBoard filters={filters} leadHref={leadHref} />
      )}
      {/* the lead screen brings its own header (with the close button), so the drawer is only the frame */}
      <Drawer.Root opened={openId !== null} onClose={closeLead} position="right" size={640}>
        <Drawer.Overlay />
        <Drawer.Content aria-label={t('lead.title')}>
          <Drawer.Body p="sm" h="100%">
            {openId !== null && <LeadCard leadId={openId} onClose={closeLead} height="100%" />}
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    </Stack>
  );
}
