import { Anchor, Box, Button, Divider, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { zoneLabel } from '@buildcrm/web-shared/lib/zone';
import { ActionError } from '../../../components/ActionError';
import { AiPanel } from '../../ai/components/AiPanel';
import { PackPanel } from '../../ai/components/PackPanel';
import { AuditPanel } from '../../audit/components/AuditPanel';
import { ChannelPanel } from '../../channel/components/ChannelPanel';
import { FollowUpsPanel } from '../../followups/components/FollowUpsPanel';
import { KnowledgePanel } from '../../knowledge/components/KnowledgePanel';
import { GreetingPanel } from '../../greeting/components/GreetingEditor';
import { SandboxPanel } from '../../sandbox/components/SandboxPanel';
import { TemplatesPanel } from '../../templates/components/TemplatesPanel';
import { TranscriptionPanel } from '../../transcription/components/TranscriptionPanel';
import { usePackName, usePacks } from '../../packs/api/packs';
import { useTenant, useTenantStatus } from '../api/tenants';
import { ChannelStateBadge } from './ChannelStateBadge';
import { TenantStatusBadge } from './TenantStatusBadge';

export const TENANT_TABS = [
  'whatsapp',
  'ai',
  'pack',
  'greeting',
  'followups',
  'knowledge',
  'sandbox',
  'audit',
] as const;
type TenantTab = (typeof TENANT_TABS)[number];

function isTab(value: unknown): value is TenantTab {
  return typeof value === 'string' && (TENANT_TABS as readonly string[]).includes(value);
}

export function TenantPage() {
  const { t, i18n } = useTranslation();
  const { id = '', tab } = useParams();
  const navigate = useNavigate();
  const tenant = useTenant(id);
  const status = useTenantStatus(id);
  const packName = usePackName();
  const packs = usePacks();

  if (tab !== undefined && !isTab(tab)) return <Navigate to={`/tenants/${id}`} replace />;
  const active: TenantTab = tab ?? 'whatsapp';

  if (tenant.isPending) return <Loader size="sm" />;
  if (tenant.isError) return <ActionError error={tenant.error} title={t('tenant.loadFailed')} />;
  const data = tenant.data;
  const suspended = data.status === 'SUSPENDED';
  const name = data.name ?? data.slug ?? '';

  return (
    <Stack>
      <Anchor component={Link} to="/tenants" size="sm" mih={44} display="inline-flex" style={{ alignItems: 'center' }}>
        ← {t('tenant.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            <TenantStatusBadge status={data.status ?? ''} />
            <ChannelStateBadge channel={data.channel} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('tenant.summary', {
              slug: data.slug,
              pack: packName(data.pack),
              timezone: zoneLabel(data.timezone, i18n.language),
              owner: data.owner?.email ?? '—',
              leads: data.leadsToday ?? 0,
            })}
          </Text>
        </Stack>
        <Button
          mih={44}
          color={suspended ? 'green' : 'orange'}
          variant="light"
          loading={status.isPending}
          onClick={() => {
            if (suspended || window.confirm(t('tenant.suspendConfirm', { name }))) {
              status.mutate(suspended ? 'resume' : 'suspend');
            }
          }}
        >
          {suspended ? t('tenant.resume') : t('tenant.suspend')}
        </Button>
      </Group>
      {status.isError && <ActionError error={status.error} />}
      <Tabs
        value={active}
        onChange={(value) => void navigate(`/tenants/${id}/${value ?? 'whatsapp'}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {TENANT_TABS.map((key) => (
            <Tabs.Tab key={key} value={key} mih={44} miw={48}>
              {t(`tenant.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="whatsapp" pt="md">
          <ChannelPanel tenantId={id} />
          <Divider my="lg" />
          <TemplatesPanel tenantId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="ai" pt="md">
          <AiPanel tenantId={id} />
          <Box mt="lg">
            <TranscriptionPanel tenantId={id} />
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="pack" pt="md">
          <PackPanel tenantId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="greeting" pt="md">
          <GreetingPanel tenantId={id} companyName={name} />
        </Tabs.Panel>
        <Tabs.Panel value="followups" pt="md">
          <FollowUpsPanel tenantId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="knowledge" pt="md">
          <KnowledgePanel tenantId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="sandbox" pt="md">
          <SandboxPanel
            tenantId={id}
            companyName={name}
            provider={data.channel?.provider ?? null}
            fields={(packs.data ?? []).find((p) => p.id === data.pack)?.qualificationSchema ?? []}
          />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel tenantId={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
