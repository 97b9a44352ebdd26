import { initI18n } from '@buildcrm/web-shared/lib/i18n';
import en from '../locales/en.json';
import ru from '../locales/ru.json';

/** The CRM's translations (a company's screens: leads, chats, analytics, settings). */
export const i18n = initI18n({ ru, en });
