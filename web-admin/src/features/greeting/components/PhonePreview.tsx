import { Box, Image, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditableStep } from '../model';

/** The chain as the client would see it on a phone: one bubble per message, in order. */
export function PhonePreview({ steps, companyName }: { steps: EditableStep[]; companyName: string }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius={28}
      p={10}
      w={320}
      maw="100%"
      bg="dark.7"
      aria-label={t('greeting.preview')}
      role="region"
      style={{ flexShrink: 0 }}
    >
      <Box bg="#075e54" c="white" px="sm" py={8} style={{ borderRadius: '20px 20px 0 0' }}>
        <Text fw={600} size="sm">
          {companyName}
        </Text>
        <Text size="xs">WhatsApp</Text>
      </Box>
      <Stack gap={6} p="xs" bg="#ece5dd" mih={420} style={{ borderRadius: '0 0 20px 20px' }}>
        {steps.length === 0 && (
          <Text size="xs" c="dimmed" ta="center">
            {t('greeting.previewEmpty')}
          </Text>
        )}
        {steps.map((step) => (
          <Bubble key={step.uid} step={step} />
        ))}
      </Stack>
    </Paper>
  );
}

function Bubble({ step }: { step: EditableStep }) {
  const { t } = useTranslation();
  return (
    <Box bg="white" p={8} maw="85%" style={{ borderRadius: 8, alignSelf: 'flex-start' }} data-testid="preview-bubble">
      {step.kind === 'album' && (
        <Stack gap={4}>
          {step.media.map((m) => (
            <Box key={m.id}>
              {m.previewUrl ? (
                <Image src={m.previewUrl} alt={m.caption || t('greeting.image')} radius="sm" h={120} fit="cover" />
              ) : (
                <Box bg="gray.3" h={80} style={{ borderRadius: 4, display: 'grid', placeItems: 'center' }}>
                  <Text size="xs" c="dimmed">
                    🖼 {t('greeting.image')}
                  </Text>
                </Box>
              )}
              {m.caption && <Text size="xs">{m.caption}</Text>}
            </Box>
          ))}
        </Stack>
      )}
      {step.kind === 'voice' && <Text size="sm">🎤 {t('greeting.voiceMessage')}</Text>}
      {step.text && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {step.text}
        </Text>
      )}
      {step.kind === 'link' && step.url && (
        <Text size="sm" c="blue" style={{ wordBreak: 'break-all' }}>
          {step.url}
        </Text>
      )}
    </Box>
  );
}
