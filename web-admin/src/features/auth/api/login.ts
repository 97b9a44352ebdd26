import { isTokens } from '@buildcrm/web-shared/lib/session';
import { api } from '../../../lib/api';

export interface LoginRequest {
  email: string;
  password: string;
}

/** The login answer in the cookie mode: the refresh token is an HttpOnly cookie, never in the body. */
export interface TokenResponse {
  accessToken: string;
  /** Access token lifetime in seconds. */
  expiresIn: number;
}

export async function login(body: LoginRequest): Promise<TokenResponse> {
  const tokens = await api.request<TokenResponse>('/api/admin/auth/login', { method: 'POST', body, auth: false });
  if (!isTokens(tokens)) throw new Error('Login answered without an access token');
  return tokens;
}
