import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { crm } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

describe('a new company', () => {
  it('tells the owner the first steps on the leads screen, with a link to invite managers', async () => {
    crm.leads = [];
    renderSignedIn('/leads');
    // the first render loads the lazy page: allow for a slow machine
    const hint = await screen.findByTestId('empty-company', {}, { timeout: 15_000 });
    expect(hint).toHaveTextContent('WhatsApp подключает оператор платформы');
    expect(hint).toHaveTextContent('«Песочницу»');
    expect(screen.getByRole('link', { name: 'Настройки → Сотрудники' })).toHaveAttribute('href', '/settings?tab=users');
  });

  it('shows the same steps in «Сейчас»', async () => {
    crm.leads = [];
    renderSignedIn('/now');
    expect(await screen.findByTestId('empty-company', {}, { timeout: 15_000 })).toBeInTheDocument();
  });

  it('is gone once the company has a lead', async () => {
    renderSignedIn('/leads');
    expect(await screen.findAllByTestId('lead-tile', {}, { timeout: 15_000 })).not.toHaveLength(0);
    expect(screen.queryByTestId('empty-company')).toBeNull();
  });
});
