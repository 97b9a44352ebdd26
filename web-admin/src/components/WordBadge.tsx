import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A badge that is never cut: it keeps its content's width, and wraps instead of ending in "…" when its container
 * is narrower than the words (Mantine's badge truncates its label).
 */
export function WordBadge({ children, ...props }: BadgeProps & { children: ReactNode; 'data-testid'?: string }) {
  return (
    <Badge
      {...props}
      styles={{
        root: { flexShrink: 0, maxWidth: '100%', height: 'auto', minHeight: 'var(--badge-height)' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', overflowWrap: 'anywhere' },
      }}
    >
      {children}
    </Badge>
  );
}
