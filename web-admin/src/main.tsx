// first: Mantine's global styles come before anything the app imports
import { mount } from '@buildcrm/web-shared/app/mount';
// the console has no lazy screens: all of Mantine's styles at start (in Mantine's cascade layer, ADR 030)
import '@mantine/core/styles.layer.css';
import { App } from '@buildcrm/web-shared/app/App';
import { AppProviders } from './app/AppProviders';
import { routes } from './app/routes';

// the console: every screen in one bundle (no lazy routes, unlike the CRM)
void mount(<App routes={routes} Providers={AppProviders} />);
