import type { Provider } from '../../lib/api/types';

/** The settings each provider takes (mirrors the server's ChannelProvider.settingFields). */
export type ChannelFieldKey =
  | 'webhookSecret'
  | 'baseUrl'
  | 'token'
  | 'instanceId'
  | 'apiVersion'
  | 'phoneNumberId'
  | 'accessToken'
  | 'appSecret'
  | 'verifyToken';

export interface ProviderField {
  key: ChannelFieldKey;
  required: boolean;
  /** Write-only: never shown back, only masked. */
  secret: boolean;
}

export const PROVIDERS: Record<Provider, ProviderField[]> = {
  sandbox: [{ key: 'webhookSecret', required: false, secret: true }],
  chatflow: [
    { key: 'baseUrl', required: false, secret: false },
    { key: 'token', required: true, secret: true },
    { key: 'instanceId', required: true, secret: false },
    { key: 'webhookSecret', required: false, secret: true },
  ],
  'meta-cloud': [
    { key: 'baseUrl', required: false, secret: false },
    { key: 'apiVersion', required: false, secret: false },
    { key: 'phoneNumberId', required: true, secret: false },
    { key: 'accessToken', required: true, secret: true },
    { key: 'appSecret', required: true, secret: true },
    { key: 'verifyToken', required: true, secret: true },
  ],
};

export const PROVIDER_KEYS = Object.keys(PROVIDERS) as Provider[];

export function isProvider(value: unknown): value is Provider {
  return typeof value === 'string' && value in PROVIDERS;
}
