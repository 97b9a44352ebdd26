import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The platform-wide speech-to-text endpoint (ADR 033); the key is write-only: only whether one is set. */
export interface PlatformTranscription {
  configured: boolean;
  baseUrl: string | null;
  model: string | null;
  apiKeySet: boolean;
}

export type TranscriptionMode = 'DEFAULT' | 'OWN' | 'OFF';

/** A company's setting and where its voice notes go now. */
export interface TenantTranscription {
  mode: TranscriptionMode;
  baseUrl: string | null;
  model: string | null;
  apiKeySet: boolean;
  effective: { source: 'TENANT' | 'PLATFORM' | 'NONE'; baseUrl: string | null; model: string | null };
}

export interface EndpointRequest {
  baseUrl: string;
  model: string;
  /** Write-only: omitted keeps the stored key. */
  apiKey?: string;
  clearApiKey?: boolean;
}

export function usePlatformTranscription() {
  return useQuery({
    queryKey: ['transcription'],
    queryFn: ({ signal }) => api.request<PlatformTranscription>('/api/admin/transcription', { signal }),
  });
}

export function useSavePlatformTranscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointRequest) =>
      api.request<PlatformTranscription>('/api/admin/transcription', { method: 'PUT', body }),
    onSuccess: (view) => {
      queryClient.setQueryData(['transcription'], view);
      // every company without its own endpoint follows the default
      void queryClient.invalidateQueries({ queryKey: ['tenant-transcription'] });
    },
  });
}

export function useTenantTranscription(tenantId: string) {
  return useQuery({
    queryKey: ['tenant-transcription', tenantId],
    queryFn: ({ signal }) =>
      api.request<TenantTranscription>(`/api/admin/tenants/${tenantId}/transcription`, { signal }),
  });
}

export function useSaveTenantTranscription(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<EndpointRequest> & { mode: TranscriptionMode }) =>
      api.request<TenantTranscription>(`/api/admin/tenants/${tenantId}/transcription`, { method: 'PUT', body }),
    onSuccess: (view) => queryClient.setQueryData(['tenant-transcription', tenantId], view),
  });
}
