import { em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` (768 px): the navigation collapses and tables turn into cards. */
export const PHONE_QUERY = `(max-width: ${em(767.98)})`;

export function usePhone(): boolean {
  return useMediaQuery(PHONE_QUERY) ?? false;
}
