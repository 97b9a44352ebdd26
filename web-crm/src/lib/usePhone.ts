import { useMediaQuery } from '@mantine/hooks';

/** Phones and narrow windows (≤ 768 px, Mantine's `sm`): the layout with the bottom navigation. */
export const PHONE_QUERY = '(max-width: 48em)';

export function usePhone(): boolean {
  return useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
}

export function isPhoneNow(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(PHONE_QUERY).matches
    : false;
}
