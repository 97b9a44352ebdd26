import { setUpTests } from '@buildcrm/web-shared/test/setup';
import { session } from '../lib/api';
import { i18n } from '../lib/i18n';
import { resetCrmBackend } from './crmBackend';
import { server } from './server';

setUpTests({ server, session, i18n, reset: resetCrmBackend });
