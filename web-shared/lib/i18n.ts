import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'buildcrm.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'ru';
  } catch {
    return 'ru';
  }
}

/**
 * Starts i18next with the app's translations (Russian first, English), the language the user chose last time, and
 * keeps `<html lang>` and the stored choice in step with it. Each app calls it once, in its `src/lib/i18n.ts`.
 */
export function initI18n(translations: Record<Language, Resource[string][string]>) {
  void i18n.use(initReactI18next).init({
    resources: { ru: { translation: translations.ru }, en: { translation: translations.en } },
    lng: storedLanguage(),
    fallbackLng: 'ru',
    supportedLngs: languages,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });

  document.documentElement.lang = i18n.language;

  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  });
  return i18n;
}
