import type { HandledBy, Temperature } from '../../../lib/api/types';

export type LeadSort = 'score' | 'lastActivity' | 'createdAt';
export type LeadsView = 'board' | 'list';

/** The leads screen's state; it lives in the URL so a filtered view can be reloaded, shared and bookmarked. */
export interface LeadFilters {
  view: LeadsView;
  stage: string;
  temperature: Temperature | '';
  assignee: string; // user id | 'none' | 'me' | ''
  handledBy: Lowercase<HandledBy> | '';
  noReply: boolean;
  city: string;
  from: string; // yyyy-mm-dd
  to: string;
  q: string;
  sort: LeadSort;
  /** the stage the phone board shows (a stage id; empty: the first stage with leads) */
  column: string;
}

export const emptyFilters: LeadFilters = {
  view: 'board',
  stage: '',
  temperature: '',
  assignee: '',
  handledBy: '',
  noReply: false,
  city: '',
  from: '',
  to: '',
  q: '',
  sort: 'score',
  column: '',
};

const TEMPERATURES = ['HOT', 'WARM', 'COLD'] as const;
const SORTS = ['score', 'lastActivity', 'createdAt'] as const;

function oneOf<T extends string>(values: readonly T[], raw: string | null, fallback: T): T {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

export function filtersFromSearch(params: URLSearchParams): LeadFilters {
  return {
    view: params.get('view') === 'list' ? 'list' : 'board',
    stage: params.get('stage') ?? '',
    temperature: oneOf<Temperature | ''>(TEMPERATURES, params.get('temperature'), ''),
    assignee: params.get('assignee') ?? '',
    handledBy: oneOf<'ai' | 'human' | ''>(['ai', 'human'], params.get('handledBy'), ''),
    noReply: params.get('noReply') === 'true',
    city: params.get('city') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    q: params.get('q') ?? '',
    sort: oneOf<LeadSort>(SORTS, params.get('sort'), 'score'),
    column: params.get('column') ?? '',
  };
}

/** Only what differs from the defaults goes into the URL. */
export function filtersToSearch(filters: LeadFilters): URLSearchParams {
  const params = new URLSearchParams();
  (Object.keys(emptyFilters) as (keyof LeadFilters)[]).forEach((key) => {
    const value = filters[key];
    if (value !== emptyFilters[key]) params.set(key, String(value));
  });
  return params;
}

/** The query string the server's list and board endpoints take (no view, no defaults). */
export function filtersToQuery(filters: LeadFilters, options: { withStage: boolean }): URLSearchParams {
  const params = filtersToSearch(filters);
  params.delete('view');
  params.delete('column');
  if (!options.withStage) params.delete('stage');
  if (filters.sort === 'score') params.delete('sort');
  return params;
}

export function activeFilterCount(filters: LeadFilters): number {
  return (['stage', 'temperature', 'assignee', 'handledBy', 'noReply', 'city', 'from', 'to'] as const).filter(
    (key) => filters[key] !== emptyFilters[key],
  ).length;
}
