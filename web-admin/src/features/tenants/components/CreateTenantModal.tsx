import {
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ActionError } from '../../../components/ActionError';
import { ApiError } from '@buildcrm/web-shared/lib/errors';
import { fieldGuard, isEmail } from '@buildcrm/web-shared/lib/loginForm';
import { usePacks } from '../../packs/api/packs';
import { useCreateTenant } from '../api/tenants';
import { slugFrom } from '../../../lib/translit';
import { describeFieldProblem, describeProblem } from '@buildcrm/web-shared/lib/problems';
import { usePhone } from '../../../lib/usePhone';

/** The provisioner's steps, in order (platform.tenants.provisioning_step). */
export const PROVISIONING_STEPS = ['REGISTERED', 'SCHEMA_CREATED', 'MIGRATED', 'SEEDED', 'ACTIVE'] as const;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

interface Values {
  name: string;
  slug: string;
  timezone: string;
  locale: string;
  pack: string;
  ownerName: string;
  ownerEmail: string;
  ownerPassword: string;
}

const FIELD_OF_SERVER: Record<string, keyof Values> = {
  name: 'name',
  slug: 'slug',
  timezone: 'timezone',
  locale: 'locale',
  pack: 'pack',
  'owner.name': 'ownerName',
  'owner.email': 'ownerEmail',
  'owner.password': 'ownerPassword',
};
const isServerField = fieldGuard<string>(Object.keys(FIELD_OF_SERVER));

export function CreateTenantModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const packs = usePacks();
  const phone = usePhone();
  const create = useCreateTenant();
  const form = useForm<Values>({
    initialValues: {
      name: '',
      slug: '',
      timezone: 'Asia/Almaty',
      locale: 'ru',
      pack: 'panel-houses',
      ownerName: '',
      ownerEmail: '',
      ownerPassword: '',
    },
    validate: {
      name: (v) => (v.trim() === '' ? t('tenants.create.validation.required') : null),
      slug: (v) => (SLUG.test(v) ? null : t('tenants.create.validation.slug')),
      timezone: (v) => (v.trim() === '' ? t('tenants.create.validation.required') : null),
      pack: (v) => (v === '' ? t('tenants.create.validation.required') : null),
      ownerName: (v) => (v.trim() === '' ? t('tenants.create.validation.required') : null),
      ownerEmail: (v) => (isEmail(v) ? null : t('auth.validation.emailInvalid')),
      ownerPassword: (v) => (v.length >= 8 ? null : t('tenants.create.validation.password')),
    },
  });

  const created = create.data;
  const reached = created ? PROVISIONING_STEPS.indexOf((created.provisioningStep ?? 'ACTIVE') as never) : -1;
  const active = create.isPending ? 0 : created ? reached + 1 : -1;

  function close() {
    create.reset();
    form.reset();
    onClose();
  }

  const submit = form.onSubmit((v) => {
    create.mutate(
      {
        name: v.name.trim(),
        slug: v.slug,
        timezone: v.timezone.trim(),
        locale: v.locale,
        pack: v.pack,
        owner: { name: v.ownerName.trim(), email: v.ownerEmail.trim(), password: v.ownerPassword },
      },
      {
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          for (const problem of error.problem.errors) {
            if (isServerField(problem.field))
              form.setFieldError(
                FIELD_OF_SERVER[problem.field] ?? 'name',
                describeFieldProblem(problem.message, t, i18n.language),
              );
          }
          if (error.status === 409) form.setFieldError('slug', describeProblem(error, t, i18n.language));
        },
      },
    );
  });

  const packOptions = (packs.data ?? []).map((p) => ({
    value: p.id ?? '',
    label: (i18n.language === 'en' ? p.nameEn : p.nameRu) ?? p.id ?? '',
  }));

  return (
    <Modal opened={opened} onClose={close} title={t('tenants.create.title')} size="lg" fullScreen={phone}>
      {created ? (
        <Stack>
          <Stepper active={active} orientation="vertical" size="sm" aria-label={t('tenants.create.progress')}>
            {PROVISIONING_STEPS.map((step) => (
              <Stepper.Step key={step} label={t(`tenants.provisioning.${step}`)} />
            ))}
          </Stepper>
          <Text role="status">{t('tenants.create.done', { name: created.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
            <Button
              onClick={() => {
                close();
                void navigate(`/tenants/${created.id}`);
              }}
            >
              {t('tenants.create.openTenant')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('tenants.create.name')}
                withAsterisk
                {...form.getInputProps('name')}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  if (form.values.slug === '' || form.values.slug === slugFrom(form.values.name)) {
                    form.setFieldValue('slug', slugFrom(name));
                  }
                  form.setFieldValue('name', name);
                }}
              />
              <TextInput
                label={t('tenants.create.slug')}
                description={t('tenants.create.slugHint')}
                withAsterisk
                {...form.getInputProps('slug')}
              />
              <TextInput label={t('tenants.create.timezone')} withAsterisk {...form.getInputProps('timezone')} />
              <Select
                label={t('tenants.create.locale')}
                data={[
                  { value: 'ru', label: t('locales.ru') },
                  { value: 'en', label: t('locales.en') },
                  { value: 'kk', label: t('locales.kk') },
                ]}
                allowDeselect={false}
                {...form.getInputProps('locale')}
              />
              <Select
                label={t('tenants.create.pack')}
                withAsterisk
                data={packOptions}
                allowDeselect={false}
                {...form.getInputProps('pack')}
              />
            </SimpleGrid>
            <Text fw={600}>{t('tenants.create.owner')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('tenants.create.ownerName')} withAsterisk {...form.getInputProps('ownerName')} />
              <TextInput
                label={t('tenants.create.ownerEmail')}
                type="email"
                withAsterisk
                {...form.getInputProps('ownerEmail')}
              />
              <PasswordInput
                label={t('tenants.create.ownerPassword')}
                description={t('tenants.create.passwordHint')}
                withAsterisk
                {...form.getInputProps('ownerPassword')}
              />
            </SimpleGrid>
            {create.isPending && (
              <Stepper active={0} orientation="vertical" size="sm" aria-label={t('tenants.create.progress')}>
                {PROVISIONING_STEPS.map((step) => (
                  <Stepper.Step key={step} label={t(`tenants.provisioning.${step}`)} loading={step === 'REGISTERED'} />
                ))}
              </Stepper>
            )}
            {create.isError && <ActionError error={create.error} title={t('tenants.create.failed')} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tenants.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
