import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { crm, makeLead, pushLive } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

const shown: { title: string; body?: string; tag?: string }[] = [];
const original = Object.getOwnPropertyDescriptor(window, 'Notification');

class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static requestPermission = () => Promise.resolve<NotificationPermission>('granted');
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, body: options?.body, tag: options?.tag });
  }
}

afterEach(() => {
  shown.length = 0;
  if (original) Object.defineProperty(window, 'Notification', original);
  else Reflect.deleteProperty(window, 'Notification');
});

describe('notifications', () => {
  it('a manager is notified of a new lead and of a hand-off while the app is open', async () => {
    Object.defineProperty(window, 'Notification', { configurable: true, writable: true, value: FakeNotification });
    renderSignedIn('/leads', 'manager');
    await screen.findAllByTestId('board-column');
    await waitFor(() => expect(crm.live.size).toBe(1));

    crm.leads.push(makeLead({ id: 8, name: 'Ночной клиент' }));
    pushLive({ type: 'lead.created', leadId: 8 });
    pushLive({ type: 'lead.handoff', leadId: 1 });

    await waitFor(() =>
      expect([...shown].sort((a, b) => a.tag!.localeCompare(b.tag!))).toEqual([
        { title: 'Лиду нужен менеджер', body: 'Асель: Здравствуйте, сколько стоит дом?', tag: 'handoff-1' },
        { title: 'Новый лид', body: 'Ночной клиент: Здравствуйте, сколько стоит дом?', tag: 'lead-8' },
      ]),
    );
    expect(await screen.findByText('Ночной клиент')).toBeInTheDocument();
  });
});
