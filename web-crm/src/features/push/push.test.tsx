import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { crm } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';
import { base64UrlToBytes } from './api/push';

/** A browser with a service worker and the Push API, faked in this unit test only (the e2e uses real Chromium). */
function fakePushBrowser(permission: NotificationPermission = 'granted') {
  let subscription: { endpoint: string; toJSON(): unknown; unsubscribe: () => Promise<boolean> } | null = null;
  const subscribe = vi.fn(async (options: PushSubscriptionOptionsInit) => {
    subscription = {
      endpoint: 'https://push.example/send/abc',
      toJSON: () => ({
        endpoint: 'https://push.example/send/abc',
        expirationTime: null,
        keys: { p256dh: 'BPk', auth: 'au' },
      }),
      unsubscribe: vi.fn(async () => {
        subscription = null;
        return true;
      }),
    };
    void options;
    return subscription;
  });
  const registration = {
    pushManager: { getSubscription: vi.fn(async () => subscription), subscribe },
    showNotification: vi.fn(),
  };
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { getRegistration: vi.fn(async () => registration), ready: Promise.resolve(registration) },
  });
  Object.defineProperty(window, 'PushManager', {
    configurable: true,
    writable: true,
    value: function PushManager() {},
  });
  Object.defineProperty(window, 'Notification', {
    configurable: true,
    writable: true,
    value: { permission: 'default', requestPermission: vi.fn(async () => permission) },
  });
  return { subscribe, current: () => subscription };
}

describe('push on this device', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'serviceWorker');
    Reflect.deleteProperty(window, 'PushManager');
    Reflect.deleteProperty(window, 'Notification');
  });

  it('subscribes with the server key and registers the subscription; off unsubscribes and deletes it', async () => {
    const browser = fakePushBrowser();
    const { user } = renderSignedIn('/profile', 'manager');
    const settings = await screen.findByTestId('push-settings');
    const toggle = within(settings).getByRole('switch', { name: /Уведомления на этом устройстве/ });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();

    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(browser.subscribe).toHaveBeenCalledWith({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(crm.push.publicKey),
    });
    expect(crm.push.subscriptions).toEqual([
      { endpoint: 'https://push.example/send/abc', expirationTime: null, keys: { p256dh: 'BPk', auth: 'au' } },
    ]);

    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(crm.requests).toContainEqual({
      method: 'DELETE',
      path: '/api/crm/push/subscriptions',
      body: null,
    });
    // the fake server forgets the subscription named by the `endpoint` query parameter
    expect(crm.push.subscriptions).toEqual([]);
    expect(browser.current()).toBeNull();
  });

  it('says so when notifications are blocked, and registers nothing', async () => {
    fakePushBrowser('denied');
    const { user } = renderSignedIn('/profile', 'manager');
    const settings = await screen.findByTestId('push-settings');
    const toggle = within(settings).getByRole('switch', { name: /Уведомления на этом устройстве/ });
    await waitFor(() => expect(toggle).toBeEnabled());
    await user.click(toggle);
    expect(await within(settings).findByRole('alert')).toHaveTextContent('Уведомления запрещены');
    expect(toggle).not.toBeChecked();
    expect(crm.push.subscriptions).toEqual([]);
  });

  it('keeps per-kind choices on the server', async () => {
    fakePushBrowser();
    const { user } = renderSignedIn('/profile', 'manager');
    const settings = await screen.findByTestId('push-settings');
    const hot = within(settings).getByRole('switch', { name: 'Новый горячий лид' });
    await waitFor(() => expect(hot).toBeChecked());
    await user.click(hot);
    await waitFor(() => expect(crm.push.preferences.hotLead).toBe(false));
    expect(crm.push.preferences).toEqual({ assigned: true, clientWaiting: true, callSoon: true, hotLead: false });
  });

  it('explains when the browser cannot receive push', async () => {
    renderSignedIn('/profile', 'manager');
    const settings = await screen.findByTestId('push-settings');
    expect(within(settings).getByText(/не умеет получать уведомления/)).toBeInTheDocument();
    expect(within(settings).getByRole('switch', { name: /Уведомления на этом устройстве/ })).toBeDisabled();
  });
});
