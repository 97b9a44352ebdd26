import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@buildcrm/web-shared/lib/errors';
import { ActionError } from '../../../components/ActionError';
import {
  parameterCount,
  useSaveTemplates,
  useTemplates,
  type TemplateSource,
  type TemplatesView,
  type WhatsAppTemplate,
} from '../api/templates';

const PLACEHOLDER = '{{1}}';

/**
 * «Шаблоны WhatsApp»: the approved Meta templates a tenant's follow-ups and managers use past WhatsApp's 24-hour
 * window (ADR 035). One card per purpose; the parameter rows follow the body's placeholders, so their count always
 * matches (the server checks it too).
 */
export function TemplatesPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const view = useTemplates(tenantId);
  if (view.isPending) return <Loader size="sm" />;
  if (view.isError) return <ActionError error={view.error} title={t('templates.loadFailed')} />;
  return <TemplatesForm tenantId={tenantId} view={view.data} />;
}

function withParameters(template: WhatsAppTemplate): WhatsAppTemplate {
  const count = Math.min(parameterCount(template.body), 20);
  const parameters = Array.from(
    { length: count },
    (_, i) => template.parameters[i] ?? { source: 'client_name' as TemplateSource, fallback: '' },
  );
  return { ...template, parameters };
}

function TemplatesForm({ tenantId, view }: { tenantId: string; view: TemplatesView }) {
  const { t } = useTranslation();
  const save = useSaveTemplates(tenantId);
  const [items, setItems] = useState<WhatsAppTemplate[]>(view.templates);
  useEffect(() => setItems(view.templates), [view.templates]);

  const purposeLabel = (purpose: string) =>
    purpose === 'followup'
      ? t('templates.purpose.followup')
      : purpose === 'reopen'
        ? t('templates.purpose.reopen')
        : t('templates.purpose.step', { number: purpose.replace('followup-', '') });
  const used = new Set(items.map((item) => item.purpose));
  const update = (index: number, change: Partial<WhatsAppTemplate>) =>
    setItems((all) => all.map((item, i) => (i === index ? withParameters({ ...item, ...change }) : item)));

  return (
    <form
      aria-label={t('templates.title')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(items.map((item) => withParameters(item)));
      }}
      style={{ minWidth: 0, maxWidth: '100%' }}
    >
      <Stack>
        <Title order={4}>{t('templates.title')}</Title>
        {!view.applies && (
          <Alert color="gray" variant="light" data-testid="templates-not-needed">
            {t('templates.notNeeded')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('templates.hint', { example: PLACEHOLDER })}
        </Text>
        <Stack gap="xs" role="list" aria-label={t('templates.list')}>
          {items.map((item, index) => (
            <Paper key={index} withBorder p="sm" role="listitem" aria-label={purposeLabel(item.purpose)}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-end">
                  <Select
                    style={{ flex: 1, minWidth: 0 }}
                    size="md"
                    label={t('templates.purposeLabel')}
                    allowDeselect={false}
                    data={view.purposes
                      .filter((p) => p === item.purpose || !used.has(p))
                      .map((p) => ({ value: p, label: purposeLabel(p) }))}
                    value={item.purpose}
                    onChange={(value) => value && update(index, { purpose: value })}
                  />
                  <ActionIcon
                    size={44}
                    variant="subtle"
                    color="red"
                    aria-label={t('templates.remove', { purpose: purposeLabel(item.purpose) })}
                    onClick={() => setItems((all) => all.filter((_, i) => i !== index))}
                  >
                    ✕
                  </ActionIcon>
                </Group>
                <Group grow wrap="wrap" gap="xs">
                  <TextInput
                    size="md"
                    miw={180}
                    label={t('templates.name')}
                    value={item.name}
                    onChange={(event) => update(index, { name: event.currentTarget.value })}
                  />
                  <TextInput
                    size="md"
                    miw={100}
                    label={t('templates.language')}
                    value={item.language}
                    onChange={(event) => update(index, { language: event.currentTarget.value })}
                  />
                </Group>
                <Textarea
                  size="md"
                  autosize
                  minRows={2}
                  label={t('templates.body')}
                  description={t('templates.bodyHint', { example: PLACEHOLDER })}
                  value={item.body}
                  onChange={(event) => update(index, { body: event.currentTarget.value })}
                />
                {withParameters(item).parameters.map((parameter, p) => (
                  <Group key={p} grow wrap="wrap" gap="xs" align="flex-end">
                    <Select
                      size="md"
                      miw={180}
                      label={t('templates.parameter', { number: p + 1 })}
                      allowDeselect={false}
                      data={view.sources
                        .filter((s) => s !== 'followup_text' || item.purpose !== 'reopen')
                        .map((s) => ({ value: s, label: t(`templates.source.${s}`) }))}
                      value={parameter.source}
                      onChange={(value) =>
                        value &&
                        update(index, {
                          parameters: withParameters(item).parameters.map((x, i) =>
                            i === p ? { ...x, source: value as TemplateSource } : x,
                          ),
                        })
                      }
                    />
                    <TextInput
                      size="md"
                      miw={180}
                      label={t('templates.fallback', { number: p + 1 })}
                      value={parameter.fallback ?? ''}
                      onChange={(event) => {
                        const fallback = event.currentTarget.value;
                        update(index, {
                          parameters: withParameters(item).parameters.map((x, i) => (i === p ? { ...x, fallback } : x)),
                        });
                      }}
                    />
                  </Group>
                ))}
              </Stack>
            </Paper>
          ))}
        </Stack>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('templates.empty')}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            mih={44}
            disabled={used.size >= view.purposes.length}
            onClick={() => {
              const purpose = view.purposes.find((p) => !used.has(p)) ?? 'followup';
              setItems((all) => [...all, { purpose, name: '', language: 'ru', body: '', parameters: [] }]);
            }}
          >
            {t('templates.add')}
          </Button>
        </Group>
        {save.isError && (
          <ActionError
            error={save.error}
            title={t('templates.saveFailed')}
            extra={save.error instanceof ApiError ? save.error.problem.errors : []}
          />
        )}
        {save.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('templates.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" mih={44} loading={save.isPending}>
            {t('templates.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
