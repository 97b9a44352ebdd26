import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type TemplateSource = 'client_name' | 'company' | 'manager_name' | 'followup_text';

export interface TemplateParameter {
  source: TemplateSource;
  fallback?: string | null;
}

export interface WhatsAppTemplate {
  purpose: string;
  name: string;
  language: string;
  body: string;
  parameters: TemplateParameter[];
}

/** `GET /api/admin/tenants/{id}/templates` (ADR 035). */
export interface TemplatesView {
  provider: string | null;
  applies: boolean;
  templates: WhatsAppTemplate[];
  purposes: string[];
  sources: TemplateSource[];
}

export function useTemplates(tenantId: string) {
  return useQuery({
    queryKey: ['templates', tenantId],
    queryFn: ({ signal }) => api.request<TemplatesView>(`/api/admin/tenants/${tenantId}/templates`, { signal }),
  });
}

export function useSaveTemplates(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (templates: WhatsAppTemplate[]) =>
      api.request<TemplatesView>(`/api/admin/tenants/${tenantId}/templates`, { method: 'PUT', body: { templates } }),
    onSuccess: (view) => queryClient.setQueryData(['templates', tenantId], view),
  });
}

/** The distinct placeholder numbers of a body, `{{1}}` → 1, sorted. */
export function placeholders(body: string): number[] {
  const found = new Set<number>();
  for (const match of body.matchAll(/\{\{\s*(\d+)\s*}}/g)) found.add(Number(match[1]));
  return [...found].sort((a, b) => a - b);
}

/** How many parameters a body needs: its highest placeholder number. */
export function parameterCount(body: string): number {
  const numbers = placeholders(body);
  return numbers.length === 0 ? 0 : (numbers[numbers.length - 1] ?? 0);
}
