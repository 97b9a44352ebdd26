import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { useCompanyEmpty } from '../hooks/useCompanyEmpty';

/**
 * A new company's first steps, shown to its owner and heads of sales while the company has no lead at all (not
 * when filters hide them): WhatsApp is connected by the platform's operator, who can switch on the sandbox to try
 * the AI manager first; then invite the managers. Renders nothing once the first lead exists (docs/adr/024-words.md).
 */
export function EmptyCompany() {
  const { t } = useTranslation();
  const { me } = useCurrentUser();
  if (!useCompanyEmpty().empty) return null;
  const owner = me?.role.toLowerCase() === 'owner';
  return (
    <Paper withBorder p="lg" radius="md" data-testid="empty-company">
      <Stack gap="sm">
        <Title order={3}>{t('emptyCompany.title')}</Title>
        <Text>{t('emptyCompany.intro')}</Text>
        <List type="ordered" spacing="xs">
          <List.Item>{t('emptyCompany.whatsapp')}</List.Item>
          <List.Item>{t('emptyCompany.sandbox')}</List.Item>
          <List.Item>
            {owner ? (
              <>
                {t('emptyCompany.inviteBefore')}{' '}
                <Anchor component={Link} to="/settings?tab=users">
                  {t('emptyCompany.inviteLink')}
                </Anchor>
              </>
            ) : (
              t('emptyCompany.inviteAskOwner')
            )}
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          {t('emptyCompany.after')}
        </Text>
      </Stack>
    </Paper>
  );
}
