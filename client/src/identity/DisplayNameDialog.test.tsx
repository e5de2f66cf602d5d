import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DisplayNameDialog } from './DisplayNameDialog';
import { colorForName, loadUser, saveUser, USER_COLORS } from './userIdentity';

describe('DisplayNameDialog', () => {
  it('asks for a name and refuses a blank one', async () => {
    const user = userEvent.setup();
    const names: string[] = [];
    render(<DisplayNameDialog onSubmit={(name) => names.push(name)} />);
    expect(screen.getByRole('dialog', { name: 'Join the analysis' })).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Display name' }), '   ');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert').textContent).toMatch(/enter a name/);
    expect(names).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Display name' }), 'Ada {Enter}');
    expect(names).toEqual(['Ada']);
  });
});

describe('userIdentity', () => {
  it('remembers the name and its colour in this browser', () => {
    expect(loadUser()).toBeNull();
    const saved = saveUser('  Grace ');
    expect(saved).toEqual({ name: 'Grace', color: colorForName('Grace') });
    expect(loadUser()).toEqual(saved);
  });

  it('gives a name the same colour every time, from the palette', () => {
    expect(colorForName('Ada')).toBe(colorForName('ada '));
    expect(USER_COLORS).toContain(colorForName('Ada'));
    const colours = new Set(['Ada', 'Grace', 'Linus', 'Barbara', 'Ken'].map(colorForName));
    expect(colours.size).toBeGreaterThan(1);
  });
});
