// first: Mantine's global styles come before anything the app imports
import { mount } from '@buildcrm/web-shared/app/mount';
import { App } from '@buildcrm/web-shared/app/App';
import { AppProviders } from './app/AppProviders';
import { routes } from './app/routes';

void mount(<App routes={routes} Providers={AppProviders} />);
