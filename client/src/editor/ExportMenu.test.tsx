import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportMenu } from './ExportMenu';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('ExportMenu', () => {
  it('lists the four downloads of the analysis open in the editor', async () => {
    window.history.replaceState(null, '', '/a/book123');
    const user = userEvent.setup();
    render(<ExportMenu />);
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const menu = screen.getByRole('menu');
    expect(menu).toBeTruthy();
    const items = screen.getAllByRole('menuitem');
    expect(items.map((item) => [item.textContent, item.getAttribute('href')])).toEqual([
      ['Markdown (.md)', '/api/analyses/book123/export?format=md'],
      ['Actions (.csv)', '/api/analyses/book123/export?format=csv&table=actions'],
      ['Whys (.csv)', '/api/analyses/book123/export?format=csv&table=whys'],
      ['JSON (.json)', '/api/analyses/book123/export?format=json'],
    ]);
    for (const item of items) expect(item.hasAttribute('download')).toBe(true);
    expect(document.activeElement).toBe(items[0]);
  });

  it('closes on Escape and gives the focus back to the button', async () => {
    const user = userEvent.setup();
    render(<ExportMenu analysisId="late456" />);
    const button = screen.getByRole('button', { name: 'Export' });
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Actions (.csv)');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });
});
