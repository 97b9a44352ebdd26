import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** The network boundary: every test declares the API answers it expects; anything else fails the test. */
export const server = setupServer(
  // the WhatsApp tab also shows the templates section (ADR 035): none registered unless a test says otherwise
  http.get('*/api/admin/tenants/:id/templates', () =>
    HttpResponse.json({
      provider: 'sandbox',
      applies: false,
      templates: [],
      purposes: ['followup', 'followup-1', 'followup-2', 'reopen'],
      sources: ['client_name', 'company', 'manager_name', 'followup_text'],
    }),
  ),
);
