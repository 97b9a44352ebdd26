import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { PushPreferences } from '../../../lib/api/types';

export const pushKeys = { preferences: ['push', 'preferences'] as const, device: ['push', 'device'] as const };

/** Web Push needs a service worker, the Push API and notifications; an iPhone has them only in the installed app. */
export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
  );
}

/** The VAPID key (base64url, an uncompressed P-256 point) as the bytes `pushManager.subscribe` takes. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const found = await navigator.serviceWorker.getRegistration();
  if (!found) throw new PushUnavailableError('no-worker');
  return found;
}

export class PushUnavailableError extends Error {
  constructor(readonly reason: 'unsupported' | 'denied' | 'no-worker') {
    super(`push unavailable: ${reason}`);
    this.name = 'PushUnavailableError';
  }
}

/** Is this device subscribed (a subscription exists in this browser)? */
export async function deviceSubscribed(): Promise<boolean> {
  if (!pushSupported()) return false;
  const found = await navigator.serviceWorker.getRegistration();
  return (await found?.pushManager.getSubscription()) != null;
}

/** Asks for permission, subscribes this browser with the server's VAPID key and registers the subscription. */
export async function subscribeDevice(): Promise<void> {
  if (!pushSupported()) throw new PushUnavailableError('unsupported');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushUnavailableError('denied');
  const { publicKey } = await api.request<{ publicKey: string }>('/api/crm/push/key');
  const worker = await registration();
  const subscription =
    (await worker.pushManager.getSubscription()) ??
    (await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) }));
  await api.request('/api/crm/push/subscriptions', { method: 'POST', body: subscription.toJSON() });
}

/** Forgets this browser's subscription on the server and in the browser. */
export async function unsubscribeDevice(): Promise<void> {
  if (!pushSupported()) return;
  const found = await navigator.serviceWorker.getRegistration();
  const subscription = await found?.pushManager.getSubscription();
  if (!subscription) return;
  // the endpoint goes in the query: the server reads no DELETE body
  await api.request(`/api/crm/push/subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`, {
    method: 'DELETE',
  });
  await subscription.unsubscribe();
}

export const deviceQueryOptions = () =>
  queryOptions({ queryKey: pushKeys.device, queryFn: deviceSubscribed, staleTime: Infinity });

export const preferencesQueryOptions = () =>
  queryOptions({
    queryKey: pushKeys.preferences,
    queryFn: ({ signal }) => api.request<PushPreferences>('/api/crm/push/preferences', { signal }),
  });

export function useDevicePush() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => (on ? subscribeDevice() : unsubscribeDevice()),
    onSettled: () => client.invalidateQueries({ queryKey: pushKeys.device }),
  });
}

export function useUpdatePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (preferences: PushPreferences) =>
      api.request<PushPreferences>('/api/crm/push/preferences', { method: 'PUT', body: preferences }),
    onMutate: (preferences) => client.setQueryData(pushKeys.preferences, preferences),
    onSuccess: (preferences) => client.setQueryData(pushKeys.preferences, preferences),
    onError: () => client.invalidateQueries({ queryKey: pushKeys.preferences }),
  });
}
