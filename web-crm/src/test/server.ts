import { setupServer } from 'msw/node';
import { crmHandlers } from './crmBackend';

/** The network boundary: every test declares the API answers it expects; anything else fails the test. */
export const server = setupServer(...crmHandlers);
