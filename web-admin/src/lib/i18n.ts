import { initI18n } from '@buildcrm/web-shared/lib/i18n';
import en from '../locales/en.json';
import ru from '../locales/ru.json';

/** The console's translations (an operator's screens: tenants, channels, AI, health). */
export const i18n = initI18n({ ru, en });

// the tab's title in the console's language (index.html has only the product name)
const setTitle = () => {
  document.title = i18n.t('app.title');
};
setTitle();
i18n.on('languageChanged', setTitle);

// t() checks its keys against the Russian translations (the reference language)
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ru };
  }
}
