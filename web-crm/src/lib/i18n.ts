import { initI18n } from '@buildcrm/web-shared/lib/i18n';
import en from '../locales/en.json';
import ru from '../locales/ru.json';

/** The CRM's translations (a company's screens: leads, chats, analytics, settings). */
export const i18n = initI18n({ ru, en });

// t() checks its keys against the Russian translations (the reference language)
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ru };
  }
}
