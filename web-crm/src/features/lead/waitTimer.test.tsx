import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NoReplyTimer } from './components/LeadBadges';

describe('the wait timer', () => {
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const show = (direction: 'IN' | 'OUT', minutes: number) =>
    render(
      <MantineProvider>
        <NoReplyTimer
          lead={{ waitingForReplySince: ago(minutes), lastMessage: { text: 'x', direction, at: ago(minutes) } }}
        />
      </MantineProvider>,
    );

  it('says the client waits for us when the client wrote last', () => {
    show('IN', 12);
    expect(screen.getByTestId('no-reply-timer')).toHaveTextContent('ждёт нас 12 мин');
    expect(screen.getByTestId('no-reply-timer')).toHaveAttribute('data-waiting', 'us');
  });

  it('says the client is silent when we wrote last', () => {
    show('OUT', 125);
    expect(screen.getByTestId('no-reply-timer')).toHaveTextContent('молчит 2 ч 5 мин');
    expect(screen.getByTestId('no-reply-timer')).toHaveAttribute('data-waiting', 'client');
  });
});
