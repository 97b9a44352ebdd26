import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import type { Pack } from '../../../lib/api/types';

/** The installed industry packs (a new tenant picks one; a tenant's pack panel switches it). */
export const packsQueryOptions = () =>
  queryOptions({
    queryKey: ['packs'],
    queryFn: ({ signal }) => api.request<Pack[]>('/api/admin/packs', { signal }),
    staleTime: 5 * 60_000,
  });

export function usePacks() {
  return useQuery(packsQueryOptions());
}

/** The pack's display name in the console's language ("Панельные дома"), or its id while the list is loading. */
export function usePackName(): (id: string | null | undefined) => string {
  const packs = usePacks();
  const { i18n } = useTranslation();
  return (id) => {
    if (!id) return '—';
    const pack = (packs.data ?? []).find((p) => p.id === id);
    const name = i18n.language === 'en' ? (pack?.nameEn ?? pack?.nameRu) : (pack?.nameRu ?? pack?.nameEn);
    return name ?? id;
  };
}
