import { describe, expect, it } from 'vitest';
import { parseSseBlock } from './api/liveEvents';

describe('SSE parsing', () => {
  it('reads the event name and its JSON data', () => {
    expect(
      parseSseBlock('event: lead.created\ndata: {"type":"lead.created","leadId":7,"at":"2026-11-26T06:00:00Z"}'),
    ).toEqual({
      type: 'lead.created',
      leadId: 7,
      messageId: null,
      at: '2026-11-26T06:00:00Z',
    });
  });

  it('keeps the event id for Last-Event-ID', () => {
    expect(
      parseSseBlock('id: 42\nevent: message.created\ndata: {"type":"message.created","leadId":3,"messageId":9}'),
    ).toMatchObject({
      id: '42',
      leadId: 3,
      messageId: 9,
    });
  });

  it('ignores heartbeat comments and keeps a bare resync event', () => {
    expect(parseSseBlock(': heartbeat')).toBeNull();
    expect(parseSseBlock('event: resync\ndata:')).toEqual({ type: 'resync', leadId: null, messageId: null, at: null });
  });
});
