import { ActionIcon, CloseButton, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** How long the search waits after the last keystroke before it asks the server. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The search field: sends its text after a pause in typing (Enter sends at once), the cross clears it at once. It
 * follows `value` when the URL changes underneath it (back/forward).
 */
export function TenantsSearch({
  value,
  onSearch,
  phone,
  style,
}: {
  value: string;
  onSearch: (text: string) => void;
  phone: boolean;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // the URL moved on its own (back/forward, «show all»): the field shows what is being searched
    setShown(value);
    if (value !== draft.trim()) setDraft(value);
  }
  const search = useDebouncedCallback(onSearch, SEARCH_DEBOUNCE_MS);
  const clear = () => {
    search.cancel();
    setDraft('');
    onSearch('');
  };

  return (
    <TextInput
      style={style}
      size={phone ? 'md' : 'sm'}
      aria-label={t('tenants.search.label')}
      placeholder={t('tenants.search.placeholder')}
      inputMode="search"
      enterKeyHint="search"
      autoComplete="off"
      spellCheck={false}
      value={draft}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') search.flush();
        if (event.key === 'Escape' && draft !== '') clear();
      }}
      rightSectionWidth={phone ? 44 : undefined}
      rightSectionPointerEvents="all"
      rightSection={
        draft === '' ? null : (
          <CloseButton size={phone ? 'lg' : 'sm'} aria-label={t('tenants.search.clear')} onClick={clear} />
        )
      }
    />
  );
}

function Chevron({ back }: { back?: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={back ? 'M15 6l-6 6l6 6' : 'M9 6l6 6l-6 6'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** «1–50 из 1 234» with previous/next: 44 px targets on a phone. */
export function TenantsPager({
  from,
  to,
  total,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  phone,
}: {
  from: number;
  to: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  phone: boolean;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const size = phone ? 44 : 36;
  return (
    <Group
      component="nav"
      aria-label={t('tenants.pager.label')}
      gap="xs"
      wrap="nowrap"
      justify={phone ? 'space-between' : 'flex-end'}
      w={phone ? '100%' : undefined}
    >
      <Text size="sm" aria-live="polite" data-testid="tenants-range" style={{ whiteSpace: 'nowrap' }}>
        {t('tenants.pager.range', { from: number.format(from), to: number.format(to), total: number.format(total) })}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <ActionIcon
          variant="default"
          size={size}
          aria-label={t('tenants.pager.previous')}
          disabled={!hasPrevious}
          onClick={onPrevious}
        >
          <Chevron back />
        </ActionIcon>
        <ActionIcon
          variant="default"
          size={size}
          aria-label={t('tenants.pager.next')}
          disabled={!hasNext}
          onClick={onNext}
        >
          <Chevron />
        </ActionIcon>
      </Group>
    </Group>
  );
}
