import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, session } from '../../../lib/api';
import type { GreetingStepRequest, GreetingView, StoredMediaResponse } from '../../../lib/api/types';
import { env } from '@buildcrm/web-shared/lib/env';
import { ApiError, NetworkError } from '@buildcrm/web-shared/lib/errors';
import { toProblem } from '@buildcrm/web-shared/lib/problem';

export function useGreeting(tenantId: string) {
  return useQuery({
    queryKey: ['greeting', tenantId],
    queryFn: ({ signal }) => api.request<GreetingView>(`/api/admin/tenants/${tenantId}/greeting`, { signal }),
  });
}

export function useSaveGreeting(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (steps: GreetingStepRequest[]) =>
      api.request<GreetingView>(`/api/admin/tenants/${tenantId}/greeting`, { method: 'PUT', body: { steps } }),
    onSuccess: (view) => queryClient.setQueryData(['greeting', tenantId], view),
  });
}

/** Back to the pack's default chain. */
export function useResetGreeting(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<GreetingView>(`/api/admin/tenants/${tenantId}/greeting`, { method: 'DELETE' }),
    onSuccess: (view) => queryClient.setQueryData(['greeting', tenantId], view),
  });
}

async function postFile(tenantId: string, file: File, accessToken: string | null): Promise<Response> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (accessToken !== null) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(new URL(`${env.apiBaseUrl}/api/admin/tenants/${tenantId}/media`, window.location.origin).href, {
      method: 'POST',
      headers,
      body,
    });
  } catch (error) {
    throw new NetworkError(error);
  }
}

/**
 * Multipart upload (the shared JSON client does not send forms). On a 401 the shared client is asked for any
 * authenticated resource, which refreshes the token once, and the upload is repeated.
 */
export async function uploadMedia(tenantId: string, file: File): Promise<StoredMediaResponse> {
  let response = await postFile(tenantId, file, session.tokens()?.accessToken ?? null);
  if (response.status === 401) {
    await api.request(`/api/admin/tenants/${tenantId}`);
    response = await postFile(tenantId, file, session.tokens()?.accessToken ?? null);
  }
  if (!response.ok) {
    let problemBody: unknown = null;
    try {
      problemBody = await response.json();
    } catch {
      // not JSON
    }
    throw new ApiError(toProblem(problemBody, response.status, response.statusText), null);
  }
  return (await response.json()) as StoredMediaResponse;
}

export function useUploadMedia(tenantId: string) {
  return useMutation({ mutationFn: (file: File) => uploadMedia(tenantId, file) });
}
