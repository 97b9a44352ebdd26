import { Button, Group, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { Lead, PackField } from '../../../lib/api/types';
import { patchLead, useLeadMutation } from '../api/lead';

type Value = string | number | boolean | null;

function toValue(raw: unknown): Value {
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
    ? raw
    : raw == null
      ? null
      : String(raw);
}

/** Qualification fields come from the pack's schema when the server provides it; otherwise the lead's own keys. */
function fieldsOf(lead: Lead, schema: PackField[] | null): PackField[] {
  if (schema) return schema.filter((field) => field.key !== 'name' && field.key !== 'city');
  return Object.keys(lead.fields)
    .filter((key) => key !== 'name' && key !== 'city')
    .map((key) => {
      const value = lead.fields[key];
      return { key, type: typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'number' : 'text' };
    });
}

export function LeadDataForm({ lead, schema, onDone }: { lead: Lead; schema: PackField[] | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const fields = fieldsOf(lead, schema);
  const [name, setName] = useState(lead.name ?? '');
  const [city, setCity] = useState(lead.city ?? '');
  const [values, setValues] = useState<Record<string, Value>>(() =>
    Object.fromEntries(fields.map((field) => [field.key, toValue(lead.fields[field.key])])),
  );
  const save = useLeadMutation(() => {
    const changed = Object.fromEntries(
      fields
        .filter((field) => values[field.key] !== toValue(lead.fields[field.key]))
        .map((field) => [field.key, values[field.key] ?? null]),
    );
    return patchLead(lead.id, { name: name.trim(), city: city.trim(), fields: changed });
  });

  const label = (field: PackField) => (i18n.language === 'en' ? field.labelEn : field.labelRu) ?? field.key;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        {save.isError && <ErrorAlert error={save.error} title={t('lead.saveFailed')} />}
        <TextInput label={t('lead.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput label={t('leads.city')} value={city} onChange={(e) => setCity(e.currentTarget.value)} />
        {fields.map((field) => {
          const value = values[field.key] ?? null;
          const type = field.type.toLowerCase();
          const set = (next: Value) => setValues((current) => ({ ...current, [field.key]: next }));
          if (type === 'bool' || type === 'boolean') {
            return (
              <Switch
                key={field.key}
                label={label(field)}
                checked={value === true}
                onChange={(e) => set(e.currentTarget.checked)}
              />
            );
          }
          if (type === 'number' || type === 'integer' || type === 'int') {
            return (
              <NumberInput
                key={field.key}
                label={label(field)}
                value={typeof value === 'number' ? value : ''}
                min={field.min ?? undefined}
                max={field.max ?? undefined}
                allowDecimal={type === 'number'}
                onChange={(next) => set(typeof next === 'number' ? next : null)}
              />
            );
          }
          return (
            <TextInput
              key={field.key}
              label={label(field)}
              value={value === null ? '' : String(value)}
              onChange={(e) => set(e.currentTarget.value || null)}
            />
          );
        })}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
