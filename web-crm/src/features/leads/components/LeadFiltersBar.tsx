import { Button, Group, SegmentedControl, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { usePhone } from '../../../lib/usePhone';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { usersQueryOptions } from '../../settings/api/users';
import { stagesQueryOptions } from '../../stages/api/stages';
import { activeFilterCount, emptyFilters, type LeadFilters, type LeadSort } from '../api/filters';

export function LeadFiltersBar({ filters, onChange }: { filters: LeadFilters; onChange: (next: LeadFilters) => void }) {
  const { t } = useTranslation();
  const { canManage } = useCurrentUser();
  const stages = useQuery(stagesQueryOptions());
  const users = useQuery(usersQueryOptions(canManage));
  const [opened, { toggle }] = useDisclosure(activeFilterCount(filters) > 0);
  const [q, setQ] = useState(filters.q);
  const [city, setCity] = useState(filters.city);
  const pushText = useDebouncedCallback((patch: Partial<LeadFilters>) => onChange({ ...filters, ...patch }), 350);

  const phone = usePhone();
  // «Поиск» in the bottom navigation opens the list with the search box focused (location state `focusSearch`)
  const location = useLocation();
  const searchBox = useRef<HTMLInputElement>(null);
  const focusSearch = (location.state as { focusSearch?: boolean } | null)?.focusSearch === true;
  useEffect(() => {
    if (focusSearch) searchBox.current?.focus();
  }, [focusSearch, location.key]);
  // phones: 44 px targets and 16 px text (no zoom on focus)
  const tall = phone ? { mih: 44 } : {};

  const set = (patch: Partial<LeadFilters>) => onChange({ ...filters, ...patch });
  const count = activeFilterCount(filters);

  return (
    <>
      <Group gap="xs" wrap="wrap">
        <SegmentedControl
          size={phone ? 'md' : 'xs'}
          styles={phone ? { label: { minHeight: 44, display: 'flex', alignItems: 'center' } } : undefined}
          value={filters.view}
          onChange={(view) => set({ view: view === 'list' ? 'list' : 'board' })}
          data={[
            { value: 'board', label: t('leads.board') },
            { value: 'list', label: t('leads.list') },
          ]}
        />
        <TextInput
          ref={searchBox}
          type="search"
          size={phone ? 'md' : 'xs'}
          styles={phone ? { input: { minHeight: 44 } } : undefined}
          style={{ flex: 1, minWidth: 160 }}
          placeholder={t('leads.search')}
          aria-label={t('leads.search')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            pushText({ q: event.currentTarget.value.trim() });
          }}
        />
        <Button size={phone ? 'md' : 'xs'} {...tall} variant={count > 0 ? 'light' : 'default'} onClick={toggle}>
          {t('leads.filters', { count })}
        </Button>
      </Group>
      {opened && (
        <Group gap="xs" wrap="wrap" align="end" data-testid="lead-filters">
          {filters.view === 'list' && (
            <Select
              size="xs"
              label={t('leads.stage')}
              clearable
              value={filters.stage || null}
              onChange={(value) => set({ stage: value ?? '' })}
              data={(stages.data ?? []).map((stage) => ({ value: String(stage.id), label: stage.name }))}
            />
          )}
          <Select
            size="xs"
            label={t('leads.temperature')}
            clearable
            value={filters.temperature || null}
            onChange={(value) =>
              set({ temperature: value === 'HOT' || value === 'WARM' || value === 'COLD' ? value : '' })
            }
            data={(['HOT', 'WARM', 'COLD'] as const).map((value) => ({ value, label: t(`temperature.${value}`) }))}
          />
          <Select
            size="xs"
            label={t('leads.assignee')}
            clearable
            value={filters.assignee || null}
            onChange={(value) => set({ assignee: value ?? '' })}
            data={[
              { value: 'me', label: t('leads.assigneeMe') },
              { value: 'none', label: t('leads.assigneeNone') },
              ...(users.data ?? []).map((user) => ({ value: String(user.id), label: user.name })),
            ]}
          />
          <Select
            size="xs"
            label={t('leads.handledBy')}
            clearable
            value={filters.handledBy || null}
            onChange={(value) => set({ handledBy: value === 'ai' || value === 'human' ? value : '' })}
            data={[
              { value: 'ai', label: t('lead.ai') },
              { value: 'human', label: t('lead.human') },
            ]}
          />
          <TextInput
            size="xs"
            label={t('leads.city')}
            value={city}
            onChange={(event) => {
              setCity(event.currentTarget.value);
              pushText({ city: event.currentTarget.value.trim() });
            }}
          />
          <TextInput
            size="xs"
            type="date"
            label={t('leads.from')}
            value={filters.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
          />
          <TextInput
            size="xs"
            type="date"
            label={t('leads.to')}
            value={filters.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
          <Select
            size="xs"
            label={t('leads.sort')}
            value={filters.sort}
            allowDeselect={false}
            onChange={(value) => set({ sort: (value ?? 'score') as LeadSort })}
            data={(['score', 'lastActivity', 'createdAt'] as const).map((value) => ({
              value,
              label: t(`leads.sortBy.${value}`),
            }))}
          />
          <Switch
            size="sm"
            label={t('leads.noReply')}
            checked={filters.noReply}
            onChange={(event) => set({ noReply: event.currentTarget.checked })}
          />
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setQ('');
              setCity('');
              onChange({ ...emptyFilters, view: filters.view, column: filters.column });
            }}
          >
            {t('leads.reset')}
          </Button>
        </Group>
      )}
    </>
  );
}
