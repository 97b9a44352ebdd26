import { HttpResponse } from 'msw';
import type { Me } from '../features/me/api/getMe';

export const owner: Me = {
  id: 'b8a3f1d2-0000-4000-8000-000000000001',
  name: 'Айгерим Садыкова',
  email: 'owner@alem-dom.kz',
  role: 'owner',
  tenant: { slug: 'alem-dom', name: 'Алем Дом', timezone: 'Asia/Almaty', locale: 'ru' },
};

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
