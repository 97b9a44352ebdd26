import { useQuery } from '@tanstack/react-query';
import { managesCompany, meQueryOptions } from '../../me/api/getMe';
import { firstLeadQueryOptions } from '../api/leads';

export interface CompanyEmpty {
  /** Not known yet: the user (role) or the company's first lead is still loading. */
  pending: boolean;
  /** The company has no lead at all, and the user manages it (owners and heads of sales see the first steps). */
  empty: boolean;
}

/**
 * Whether a screen must show the new company's first steps (`EmptyCompany`). Screens that put the first steps above
 * their own content wait until this is known, so the hint never appears later and pushes the content down (a
 * layout shift: Lighthouse measured 0.21 on «Сейчас»).
 */
export function useCompanyEmpty(): CompanyEmpty {
  const me = useQuery(meQueryOptions());
  const canManage = managesCompany(me.data);
  const first = useQuery({ ...firstLeadQueryOptions(), enabled: canManage });
  if (me.isPending) return { pending: true, empty: false };
  if (!canManage) return { pending: false, empty: false };
  return { pending: first.isPending, empty: first.data !== undefined && first.data.items.length === 0 };
}
