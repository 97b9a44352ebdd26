import { useTranslation } from 'react-i18next';
import { type Language } from '../lib/i18n';
import { SegmentedRadios } from './SegmentedRadios';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? i18n.language) as Language;
  return (
    <SegmentedRadios<Language>
      aria-label={t('language.label')}
      value={current}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={[
        { value: 'ru', label: t('language.ru') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
