import { notifications } from '@mantine/notifications';
import { setUpTests } from '@buildcrm/web-shared/test/setup';
import { session } from '../lib/api';
import { i18n } from '../lib/i18n';
import { resetCrmBackend } from './crmBackend';
import { server } from './server';

setUpTests({
  server,
  session,
  i18n,
  // toasts live in a module-level store, shared by test files (isolate: false): one test's Undo toast must not
  // show up in the next
  reset: () => {
    resetCrmBackend();
    notifications.clean();
  },
});
