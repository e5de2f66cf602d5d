import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionStatus } from './ConnectionStatus';
import { SyncRefusedNotice } from './SyncRefusedNotice';

describe('ConnectionStatus', () => {
  it.each([
    ['connecting', 'Connecting…'],
    ['connected', 'Connected'],
    ['offline', 'Offline: changes are saved on this device'],
    ['refused', 'Changes refused by the server'],
  ] as const)('says "%s" as "%s"', (connection, text) => {
    render(<ConnectionStatus connection={connection} />);
    expect(screen.getByRole('status').textContent).toBe(text);
  });
});

describe('SyncRefusedNotice', () => {
  it('gives the server’s reason, says nothing is lost and retries on demand', async () => {
    const onRetry = vi.fn();
    const onHide = vi.fn();
    render(
      <SyncRefusedNotice
        reason="This analysis is closed; reopen it to make changes."
        onRetry={onRetry}
        onHide={onHide}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      'Your latest changes were not saved: This analysis is closed; reopen it to make changes.',
    );
    expect(alert.textContent).toContain('They are kept in this browser');
    expect(alert.textContent).toContain('you still see everyone else’s changes');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(onHide).toHaveBeenCalledTimes(1);
  });
});
