import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crm } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

const originalMatchMedia = window.matchMedia;

/** A 390 px phone: the layout with the bottom navigation and the stage tabs. */
function onAPhone() {
  window.matchMedia = ((query: string) => ({
    matches: query.includes('max-width: 48em'),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

const tab = (name: RegExp) => screen.getByRole('tab', { name });
const stageMoves = () => crm.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith('/api/crm/leads/'));
const shownStage = () => screen.getByTestId('board-column');

describe('leads on a phone', () => {
  beforeEach(onAPhone);
  afterEach(() => {
    window.matchMedia = originalMatchMedia;
  });

  it('opens at the first stage with leads, shows every stage with its count, and keeps the choice in the URL', async () => {
    // «Новый» is empty: both of its leads are in «В работе» now
    crm.leads = crm.leads.map((lead) => ({ ...lead, stage: { id: 2, name: 'В работе', role: 'IN_PROGRESS' } }));
    const { user, router } = renderSignedIn('/leads');

    await waitFor(() => expect(tab(/^В работе/)).toHaveAttribute('aria-selected', 'true'));
    const tabs = within(screen.getByTestId('stage-picker')).getAllByTestId('stage-tab');
    expect(tabs.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Новый: 0',
      'В работе: 3',
      'Просит звонок: 0',
      'Замер: 0',
      'Успех: 0',
    ]);
    expect(shownStage()).toHaveAttribute('aria-label', 'В работе');
    expect(within(shownStage()).getAllByTestId('lead-tile')).toHaveLength(3);
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('column')).toBe('2'));

    // the whole card is one link named by the lead, next to a 44 px «Переместить»
    const asel = within(shownStage()).getAllByTestId('lead-tile')[0]!;
    expect(within(asel).getByRole('link', { name: 'Асель' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/leads\/1/),
    );
    expect(within(asel).getByRole('button', { name: 'Переместить «Асель»' })).toBeInTheDocument();

    await user.click(tab(/^Замер/));
    expect(shownStage()).toHaveAttribute('aria-label', 'Замер');
    expect(within(shownStage()).getByText('Нет лидов')).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('column')).toBe('4');
  });

  it('moves a lead with the sheet, and «Отменить» puts it back on the server', async () => {
    const { user } = renderSignedIn('/leads');
    await waitFor(() => expect(tab(/^Новый/)).toHaveAttribute('aria-selected', 'true'));
    await user.click(await within(shownStage()).findByRole('button', { name: 'Переместить «Асель»' }));

    const sheet = await screen.findByRole('dialog', { name: 'Переместить «Асель»' });
    const options = within(sheet).getAllByTestId('move-stage-option');
    expect(options.map((option) => option.getAttribute('aria-current'))).toEqual(['true', null, null, null, null]);
    await user.click(within(sheet).getByRole('button', { name: /Просит звонок/ }));

    const toast = await screen.findByTestId('stage-move-toast');
    expect(toast).toHaveTextContent('Лид перемещён в «Просит звонок»');
    expect(stageMoves()).toEqual([{ method: 'PATCH', path: '/api/crm/leads/1', body: { stageId: 3 } }]);
    await waitFor(() => expect(tab(/^Просит звонок/)).toHaveAccessibleName('Просит звонок: 1'));
    expect(within(shownStage()).queryByText('Асель')).not.toBeInTheDocument();

    await user.click(within(toast).getByRole('button', { name: 'Отменить' }));
    await waitFor(() => expect(crm.leads.find((lead) => lead.id === 1)?.stage.id).toBe(1));
    expect(stageMoves()[1]).toEqual({ method: 'PATCH', path: '/api/crm/leads/1', body: { stageId: 1 } });
    expect(await within(shownStage()).findByText('Асель')).toBeInTheDocument();
    await waitFor(() => expect(tab(/^Просит звонок/)).toHaveAccessibleName('Просит звонок: 0'));
  });

  it('asks before a move into «Успех», and «Отмена» changes nothing', async () => {
    const { user } = renderSignedIn('/leads');
    await waitFor(() => expect(tab(/^Новый/)).toHaveAttribute('aria-selected', 'true'));
    await user.click(await within(shownStage()).findByRole('button', { name: 'Переместить «Асель»' }));
    const sheet = await screen.findByRole('dialog', { name: 'Переместить «Асель»' });
    await user.click(within(sheet).getByRole('button', { name: /Успех/ }));

    const confirm = await screen.findByRole('dialog', { name: 'Перевести в финальный этап?' });
    expect(confirm).toHaveTextContent('Перевести «Асель» в «Успех»?');
    await user.click(within(confirm).getByRole('button', { name: 'Отмена' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(stageMoves()).toEqual([]);
    expect(crm.leads.find((lead) => lead.id === 1)?.stage.id).toBe(1);
    expect(within(shownStage()).getByText('Асель')).toBeInTheDocument();
    expect(tab(/^Успех/)).toHaveAccessibleName('Успех: 0');
    expect(screen.queryByTestId('stage-move-toast')).not.toBeInTheDocument();

    // and «Да» moves it
    await user.click(within(shownStage()).getByRole('button', { name: 'Переместить «Асель»' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Переместить «Асель»' })).getByRole('button', { name: /Успех/ }),
    );
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Перевести в финальный этап?' })).getByRole('button', {
        name: 'Да, в «Успех»',
      }),
    );
    await waitFor(() => expect(crm.leads.find((lead) => lead.id === 1)?.stage.id).toBe(5));
    expect(await screen.findByTestId('stage-move-toast')).toHaveTextContent('Лид перемещён в «Успех»');
  });

  it('«Поиск» in the bottom navigation opens the list with the search box focused', async () => {
    const { user, router } = renderSignedIn('/leads');
    await screen.findByTestId('stage-picker');
    await user.click(within(screen.getByTestId('bottom-nav')).getByRole('link', { name: /Поиск/ }));
    await waitFor(() => expect(screen.getByLabelText('Имя, телефон или текст')).toHaveFocus());
    expect(new URLSearchParams(router.state.location.search).get('view')).toBe('list');
    expect(within(screen.getByTestId('bottom-nav')).getByRole('link', { name: /Поиск/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
