import { describe, expect, it } from 'vitest';
import { filtersFromSearch, filtersToQuery, filtersToSearch } from './api/filters';

describe('lead filters in the URL', () => {
  it('round-trip and keep only what differs from the defaults', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('view=list&temperature=HOT&noReply=true&sort=createdAt&q=Асель'),
    );
    expect(filters).toMatchObject({ view: 'list', temperature: 'HOT', noReply: true, sort: 'createdAt', q: 'Асель' });
    expect(filtersToSearch(filters).toString()).toBe(
      new URLSearchParams('view=list&temperature=HOT&noReply=true&q=Асель&sort=createdAt').toString(),
    );
  });

  it('drop unknown values and send the server no view and no default sort', () => {
    const filters = filtersFromSearch(new URLSearchParams('temperature=BOILING&sort=random&stage=3&handledBy=ai'));
    expect(filters.temperature).toBe('');
    expect(filters.sort).toBe('score');
    expect(filtersToQuery(filters, { withStage: false }).toString()).toBe('handledBy=ai');
    expect(filtersToQuery(filters, { withStage: true }).toString()).toBe('stage=3&handledBy=ai');
  });
});
