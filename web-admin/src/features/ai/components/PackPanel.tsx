import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import type { Pack, PackView } from '../../../lib/api/types';
import { usePacks } from '../../packs/api/packs';
import { usePack, useSavePack } from '../api/ai';

export function PackPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const pack = usePack(tenantId);
  const packs = usePacks();
  if (pack.isPending || packs.isPending) return <Loader size="sm" />;
  if (pack.isError) return <ActionError error={pack.error} title={t('pack.loadFailed')} />;
  if (packs.isError) return <ActionError error={packs.error} title={t('pack.loadFailed')} />;
  return <PackForm tenantId={tenantId} view={pack.data} packs={packs.data} />;
}

/** The pack choice and its settings form, rendered from the pack's settings schema. */
export function PackForm({ tenantId, view, packs }: { tenantId: string; view: PackView; packs: Pack[] }) {
  const { t, i18n } = useTranslation();
  const save = useSavePack(tenantId);
  const [packId, setPackId] = useState(view.pack ?? '');
  const [settings, setSettings] = useState<Record<string, string>>(view.settings ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pack = packs.find((p) => p.id === packId);
  const schema = pack?.settingsSchema ?? [];

  function label(p: { labelRu?: string; labelEn?: string; key?: string }) {
    return (i18n.language === 'en' ? p.labelEn : p.labelRu) ?? p.key ?? '';
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const values: Record<string, string> = {};
    for (const field of schema) {
      const key = field.key ?? '';
      const value = (settings[key] ?? '').trim();
      if (value === '') continue;
      if ((field.type === 'NUMBER' || field.type === 'INTEGER') && !Number.isFinite(Number(value))) {
        found[key] = t('pack.validation.number');
      } else if (field.type === 'INTEGER' && !Number.isInteger(Number(value))) {
        found[key] = t('pack.validation.integer');
      }
      values[key] = value;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({ pack: packId, settings: values });
  }

  return (
    <form onSubmit={submit} aria-label={t('pack.formLabel')} noValidate>
      <Stack>
        <Select
          label={t('pack.choose')}
          maw={420}
          allowDeselect={false}
          value={packId}
          onChange={(value) => {
            if (value === null) return;
            setPackId(value);
            setSettings(value === view.pack ? (view.settings ?? {}) : {});
            setErrors({});
          }}
          data={packs.map((p) => ({
            value: p.id ?? '',
            label: label({ labelRu: p.nameRu, labelEn: p.nameEn, key: p.id }),
          }))}
        />
        {packId !== view.pack && (
          <Alert color="yellow" variant="light">
            {t('pack.changeWarning')}
          </Alert>
        )}
        <Text fw={600}>{t('pack.settings')}</Text>
        {schema.length === 0 ? (
          <Text c="dimmed">{t('pack.noSettings')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {schema.map((field) => {
              const key = field.key ?? '';
              const value = settings[key] ?? '';
              const description = field.defaultValue ? t('pack.default', { value: field.defaultValue }) : undefined;
              if (field.type === 'BOOLEAN') {
                return (
                  <Switch
                    key={key}
                    label={label(field)}
                    description={description}
                    checked={(value || field.defaultValue) === 'true'}
                    onChange={(e) => setSettings({ ...settings, [key]: e.currentTarget.checked ? 'true' : 'false' })}
                  />
                );
              }
              return (
                <TextInput
                  key={key}
                  label={label(field)}
                  description={description}
                  placeholder={field.defaultValue}
                  inputMode={field.type === 'NUMBER' || field.type === 'INTEGER' ? 'decimal' : undefined}
                  value={value}
                  error={errors[key]}
                  onChange={(e) => setSettings({ ...settings, [key]: e.currentTarget.value })}
                />
              );
            })}
          </SimpleGrid>
        )}
        {save.isError && <ActionError error={save.error} title={t('pack.saveFailed')} />}
        {save.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('pack.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('pack.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
