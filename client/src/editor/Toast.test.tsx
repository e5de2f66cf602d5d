import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Toast } from './Toast';

describe('Toast', () => {
  it('is a polite status that goes away by itself', async () => {
    const onClose = vi.fn();
    render(
      <Toast duration={30} onClose={onClose}>
        Deleted &apos;Overcharged&apos;
      </Toast>,
    );
    expect(screen.getByRole('status').textContent).toContain("Deleted 'Overcharged'");
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it('stays while the pointer is on it, and its button does its thing and closes it', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const onUndo = vi.fn();
    render(
      <Toast duration={60} onClose={onClose} action={{ label: 'Undo', onClick: onUndo }}>
        Deleted an empty why
      </Toast>,
    );
    await user.hover(screen.getByRole('status'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes when dismissed', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Toast onClose={onClose}>Grace removed &apos;Overcharged&apos;</Toast>);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
