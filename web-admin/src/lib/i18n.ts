import { initI18n } from '@buildcrm/web-shared/lib/i18n';
import en from '../locales/en.json';
import ru from '../locales/ru.json';

/** The console's translations (an operator's screens: tenants, channels, AI, health). */
export const i18n = initI18n({ ru, en });
