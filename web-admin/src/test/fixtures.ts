import { HttpResponse } from 'msw';
import type { Tenant } from '../lib/api/types';

export const tenants: Tenant[] = [
  {
    id: 1001,
    slug: 'alem-dom',
    name: 'Алем Дом',
    status: 'ACTIVE',
    timezone: 'Asia/Almaty',
    locale: 'ru',
    pack: 'panel-houses',
    createdAt: '2026-11-02T09:30:00+05:00',
  },
  {
    id: 1002,
    slug: 'tez-sales',
    name: 'Tez Sales',
    status: 'SUSPENDED',
    timezone: 'Asia/Almaty',
    locale: 'en',
    pack: 'generic-sales',
    createdAt: '2026-11-10T14:05:00+05:00',
  },
];

/** What login and refresh answer to the web apps (cookie mode): the access token; the refresh token is a cookie. */
export function tokenPair(suffix: string) {
  return { accessToken: `access-${suffix}`, expiresIn: 900 };
}

export function problem(
  status: number,
  title: string,
  detail?: string,
  errors: { field: string; message: string }[] = [],
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(
    { type: `https://buildcrm.example/problems/${status}`, title, status, detail, errors },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

export const tenant: Tenant = {
  id: 1001,
  slug: 'alem-dom',
  name: 'Алем Дом',
  status: 'ACTIVE',
  timezone: 'Asia/Almaty',
  locale: 'ru',
  pack: 'panel-houses',
  provisioningStep: 'ACTIVE',
  owner: { name: 'Айгерим', email: 'owner@alem.kz' },
  channel: { provider: 'sandbox', state: 'ok', lastInboundAt: '2026-11-26T05:00:00Z' },
  leadsToday: 3,
  createdAt: '2026-11-02T09:30:00+05:00',
};

export const packs = [
  {
    id: 'panel-houses',
    nameRu: 'Панельные дома',
    nameEn: 'Panel houses',
    settingsSchema: [
      {
        key: 'site_url',
        type: 'TEXT',
        labelRu: 'Сайт компании',
        labelEn: 'Company website',
        defaultValue: 'https://example.kz',
      },
      { key: 'warehouse_address', type: 'TEXT', labelRu: 'Адрес склада', labelEn: 'Warehouse address' },
      { key: 'min_area', type: 'INTEGER', labelRu: 'Минимальная площадь', labelEn: 'Minimum area' },
    ],
  },
  { id: 'generic-sales', nameRu: 'Универсальные продажи', nameEn: 'Generic sales', settingsSchema: [] },
];
