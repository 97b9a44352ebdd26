import { Badge, Group, Text } from '@mantine/core';
import type { NextAction } from '../../../lib/api/types';

/** One colour scale for urgency everywhere (Now, board card, list row, lead card). */
export function urgencyColor(urgency: number): string {
  if (urgency >= 80) return 'red';
  if (urgency >= 60) return 'orange';
  if (urgency >= 40) return 'yellow';
  return 'blue';
}

const KIND_ICON: Record<string, string> = {
  CLIENT_WAITING: '💬',
  CALL_DUE: '📞',
  TASK_DUE: '✅',
  HOT_UNASSIGNED: '🔥',
  NO_ANSWER: '🔕',
  STALE: '⏳',
};

export function kindIcon(kind: string): string {
  return KIND_ICON[kind] ?? '•';
}

/**
 * The lead's next action in a line: the planner's reason (already in the user's language), coloured by urgency. The
 * same text the Now queue shows.
 */
export function NextActionLine({
  action,
  compact = false,
}: {
  action: NextAction | null | undefined;
  compact?: boolean;
}) {
  if (!action) return null;
  const color = urgencyColor(action.urgency);
  if (compact) {
    return (
      <Badge
        color={color}
        variant="light"
        size="sm"
        radius="sm"
        tt="none"
        maw="100%"
        data-testid="next-action"
        data-urgency={action.urgency}
        styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
        title={action.reason}
      >
        {kindIcon(action.kind)} {action.reason}
      </Badge>
    );
  }
  return (
    <Group
      gap={6}
      wrap="nowrap"
      data-testid="next-action"
      data-urgency={action.urgency}
      px="xs"
      py={4}
      style={{
        borderLeft: `3px solid var(--mantine-color-${color}-6)`,
        background: `var(--mantine-color-${color}-light)`,
        borderRadius: 4,
      }}
    >
      <Text span size="sm" aria-hidden>
        {kindIcon(action.kind)}
      </Text>
      <Text size="sm" fw={500}>
        {action.reason}
      </Text>
    </Group>
  );
}
