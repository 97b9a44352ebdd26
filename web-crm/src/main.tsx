// first: Mantine's global styles come before anything the app imports
import { mount } from '@buildcrm/web-shared/app/mount';
import { App } from '@buildcrm/web-shared/app/App';
import { createQueryClient } from '@buildcrm/web-shared/lib/queryClient';
import { AppProviders } from './app/AppProviders';
import { routes } from './app/routes';
import { startSignedIn } from './app/signedInStart';

const queryClient = createQueryClient();
void mount(<App routes={routes} Providers={AppProviders} queryClient={queryClient} />);
// after mount(): it starts reading config.json, which the session restore waits for
startSignedIn(queryClient, `/${window.location.pathname.slice(import.meta.env.BASE_URL.length)}`);
