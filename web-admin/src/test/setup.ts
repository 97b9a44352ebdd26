import { setUpTests } from '@buildcrm/web-shared/test/setup';
import { session } from '../lib/api';
import { i18n } from '../lib/i18n';
import { server } from './server';

// the console's tests declare their API answers per test: no fake backend to reset
setUpTests({ server, session, i18n });
