import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderSignedIn } from '../../test/signedIn';

describe('analytics', () => {
  it('shows the funnel with conversion, leads per day as a chart, response times and the managers table', async () => {
    renderSignedIn('/analytics');
    const funnel = await screen.findByTestId('funnel');
    expect(await within(funnel).findByText('В работе')).toBeInTheDocument();
    expect(within(funnel).getByText('(63%)')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Лиды по дням' }).querySelectorAll('rect')).toHaveLength(2);
    expect(await screen.findByText('4 с')).toBeInTheDocument();
    expect(screen.getByText('7 мин')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Ержан' })).toBeInTheDocument();
  });
});
