import {
  ActionIcon,
  Badge,
  Box,
  Card,
  Group,
  Loader,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useScreenSearchParams } from '@buildcrm/web-shared/app/useScreenSearchParams';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { SegmentedRadios } from '@buildcrm/web-shared/components/SegmentedRadios';
import type { NowItem } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/time';
import { usePhone } from '../../../lib/usePhone';
import { leadTitle } from '../../lead/components/LeadBadges';
import { LazyLeadCard } from '../../lead/components/LazyLeadCard';
import { LEAD_PAGE_HEIGHT } from '../../lead/components/leadPageHeight';
import { kindIcon, urgencyColor } from '../../lead/components/NextActionLine';
import { EmptyCompany } from '../../leads/components/EmptyCompany';
import { useCompanyEmpty } from '../../leads/hooks/useCompanyEmpty';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import {
  nowQueryOptions,
  snoozeMinutes,
  teamQueryOptions,
  useCompleteTask,
  useSnooze,
  type NowScope,
  type SnoozeChoice,
} from '../api/now';

const TARGET = 44;
/** The lead panel beside the queue on a desktop: the window's height less the header, the padding and the border. */
const LEAD_PANEL_HEIGHT = `calc(${LEAD_PAGE_HEIGHT} - 2 * var(--mantine-spacing-sm) - 2px)`;

function NowRow({
  item,
  scope,
  onOpen,
  selected,
}: {
  item: NowItem;
  scope: NowScope;
  onOpen: () => void;
  selected: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const snooze = useSnooze();
  const complete = useCompleteTask();
  const { lead, action } = item;
  const color = urgencyColor(action.urgency);
  const snoozeTo = (choice: SnoozeChoice) =>
    snooze.mutate({ leadId: lead.id, minutes: snoozeMinutes(choice, new Date(), timeZone) });

  return (
    <Card
      withBorder
      padding="xs"
      radius="md"
      data-testid="now-item"
      data-lead-id={lead.id}
      data-urgency={action.urgency}
      data-kind={action.kind}
      bg={selected ? 'var(--mantine-color-blue-light)' : undefined}
      style={{ borderLeft: `5px solid var(--mantine-color-${color}-6)` }}
    >
      <Stack gap={6}>
        <Box
          role="button"
          tabIndex={0}
          onClick={onOpen}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              onOpen();
            }
          }}
          style={{ cursor: 'pointer', minHeight: TARGET }}
          aria-label={t('now.openLead', { name: leadTitle(lead) })}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={700} truncate="end" data-testid="now-lead">
              {leadTitle(lead)}
            </Text>
            {action.dueAt && (
              <Text
                size="sm"
                c={color === 'red' ? 'red' : 'dimmed'}
                style={{ whiteSpace: 'nowrap' }}
                data-testid="now-due"
              >
                {formatDateTime(action.dueAt, timeZone, i18n.language)}
              </Text>
            )}
          </Group>
          <Text size="sm" c={`${color}.8`} fw={500} data-testid="now-reason">
            {kindIcon(action.kind)} {action.reason}
          </Text>
          {scope === 'team' && (
            <Text size="xs" c="dimmed">
              {lead.assignee ? lead.assignee.name : t('leads.assigneeNone')}
            </Text>
          )}
        </Box>
        {(snooze.isError || complete.isError) && (
          <ErrorAlert error={snooze.error ?? complete.error} title={t('lead.actionFailed')} />
        )}
        <Group gap="xs" wrap="nowrap">
          <ActionIcon
            size={TARGET}
            variant="light"
            onClick={onOpen}
            aria-label={t('now.actions.open')}
            title={t('now.actions.open')}
          >
            💬
          </ActionIcon>
          <ActionIcon
            size={TARGET}
            variant="light"
            color="teal"
            component="a"
            href={`tel:${lead.phone}`}
            aria-label={t('now.actions.call')}
            title={t('now.actions.call')}
          >
            📞
          </ActionIcon>
          {action.taskId != null && (
            <ActionIcon
              size={TARGET}
              variant="light"
              color="green"
              loading={complete.isPending}
              onClick={() => complete.mutate({ leadId: lead.id, taskId: action.taskId! })}
              aria-label={t('now.actions.done')}
              title={t('now.actions.done')}
            >
              ✓
            </ActionIcon>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                size={TARGET}
                variant="light"
                color="gray"
                loading={snooze.isPending}
                aria-label={t('now.actions.snooze')}
                title={t('now.actions.snooze')}
              >
                ⏰
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('now.snooze.title')}</Menu.Label>
              {(['15m', '1h', 'tomorrow'] as const).map((choice) => (
                <Menu.Item key={choice} mih={TARGET} onClick={() => snoozeTo(choice)}>
                  {t(`now.snooze.${choice}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Stack>
    </Card>
  );
}

function TeamSummary() {
  const { t } = useTranslation();
  const team = useQuery(teamQueryOptions(true));
  if (team.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (team.isError) return <ErrorAlert error={team.error} title={t('now.loadFailed')} />;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" data-testid="now-team">
      {team.data.map((person) => (
        <Paper key={person.userId} withBorder p="xs" radius="md" data-testid="now-team-member">
          <Text size="sm" fw={600} truncate="end">
            {person.name}
          </Text>
          <Group gap={6}>
            <Badge variant="light" color="blue" title={t('now.team.queued')}>
              {t('now.team.queuedCount', { count: person.queued })}
            </Badge>
            {person.overdue > 0 && (
              <Badge variant="filled" color="red" title={t('now.team.overdue')}>
                {t('now.team.overdueCount', { count: person.overdue })}
              </Badge>
            )}
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function NowQueue({ scope, openId, onOpen }: { scope: NowScope; openId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const queue = useQuery(nowQueryOptions(scope));
  // the first steps of a new company appear above the queue: wait for them too, so nothing is pushed down later
  const company = useCompanyEmpty();
  if (queue.isPending || company.pending) return <Loader aria-label={t('common.loading')} />;
  if (queue.isError) return <ErrorAlert error={queue.error} title={t('now.loadFailed')} />;
  if (queue.data.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md" ta="center" data-testid="now-empty">
        <Text size="xl" aria-hidden>
          ☀️
        </Text>
        <Title order={4}>{t('now.empty')}</Title>
        <Text size="sm" c="dimmed">
          {t('now.emptyHint')}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="xs" data-testid="now-list">
      {queue.data.map((item) => (
        <NowRow
          key={item.lead.id}
          item={item}
          scope={scope}
          selected={item.lead.id === openId}
          onOpen={() => onOpen(item.lead.id)}
        />
      ))}
    </Stack>
  );
}

/**
 * «Сейчас»: every lead with something to do, most urgent first, with one-tap actions. The phone's home screen; on a
 * desktop a master–detail screen (the queue on the left, the chosen lead's card on the right).
 */
export function NowPage() {
  const { t } = useTranslation();
  const { canManage } = useCurrentUser();
  const phone = usePhone();
  const navigate = useNavigate();
  const { leadId } = useParams();
  const [search, setSearch] = useScreenSearchParams();
  const scope: NowScope = canManage && search.get('scope') === 'team' ? 'team' : 'me';
  const query = search.toString();
  const openId = leadId !== undefined && /^\d+$/.test(leadId) ? Number(leadId) : null;
  const open = (id: number) => void navigate(`/now/${id}${query ? `?${query}` : ''}`);
  const close = () => void navigate(`/now${query ? `?${query}` : ''}`);

  if (phone && openId !== null) return <LazyLeadCard leadId={openId} onClose={close} initialTab="tasks" />;

  const queue = (
    <Stack gap="sm" data-testid="now-page">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3}>{t('now.title')}</Title>
        {canManage && (
          <SegmentedRadios<NowScope>
            data-testid="now-scope"
            aria-label={t('now.scope.label')}
            size="sm"
            value={scope}
            onChange={(value) => {
              const next = new URLSearchParams(search);
              if (value === 'team') next.set('scope', 'team');
              else next.delete('scope');
              setSearch(next, { replace: true });
            }}
            data={[
              { value: 'me', label: t('now.scope.me') },
              { value: 'team', label: t('now.scope.team') },
            ]}
            optionStyle={{ minHeight: TARGET, display: 'flex', alignItems: 'center', paddingInline: 16 }}
          />
        )}
      </Group>
      <EmptyCompany />
      {scope === 'team' && <TeamSummary />}
      <NowQueue scope={scope} openId={openId} onOpen={open} />
    </Stack>
  );

  if (phone) return queue;
  return (
    <Group align="start" wrap="nowrap" gap="md">
      <Box w={openId === null ? '100%' : 420} maw={openId === null ? 760 : 420} style={{ flexShrink: 0 }}>
        {queue}
      </Box>
      {openId !== null && (
        <Paper
          withBorder
          p="sm"
          radius="md"
          pos="sticky"
          top="calc(var(--app-shell-header-offset, 0rem) + var(--app-shell-padding, 0rem))"
          style={{ flex: 1, minWidth: 0 }}
          data-testid="now-detail"
        >
          {/* the lead screen's own header has the close button; the panel is as tall as the window */}
          <LazyLeadCard leadId={openId} onClose={close} initialTab="tasks" height={LEAD_PANEL_HEIGHT} />
        </Paper>
      )}
    </Group>
  );
}
