import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAnalysisDoc, renderEditor, seedWhy } from '../flow/renderEditor';
import { SIDE_PANEL_MIN_WIDTH, SIDE_PANEL_WIDTH_KEY, maxPanelWidth } from './SidePanelFrame';

const cleanups: (() => void)[] = [];
beforeEach(() => localStorage.clear());
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
  localStorage.clear();
});

function setup(doc = newAnalysisDoc()) {
  const editor = renderEditor(doc);
  cleanups.push(editor.cleanup);
  return editor;
}

const panel = () => screen.queryByRole('complementary');
const presentation = () => screen.getByRole('button', { name: 'Presentation mode' });
const divider = () => screen.getByRole('separator', { name: 'Resize side panel' });

describe('presentation mode', () => {
  it('is a pressed toggle that folds the side panel away and shows presence and the timer in a bar', async () => {
    const { user } = setup();
    expect(await screen.findByRole('complementary')).toBeTruthy();
    expect(presentation().getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Presence and meeting timer' })).toBeNull();

    await user.click(presentation());
    expect(presentation().getAttribute('aria-pressed')).toBe('true');
    expect(panel()).toBeNull();
    const bar = screen.getByRole('region', { name: 'Presence and meeting timer' });
    expect(bar.textContent).toContain('Ada');
    expect(screen.getByRole('timer', { name: 'Time in meeting' }).textContent).toBe('00:00');
    expect(document.querySelector('.wc-editor')!.classList.contains('is-presenting')).toBe(true);

    await user.click(presentation());
    expect(presentation().getAttribute('aria-pressed')).toBe('false');
    expect(panel()).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Presence and meeting timer' })).toBeNull();
  });

  it('brings the side panel back from the strip without leaving presentation mode', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Presentation mode' }));
    const strip = screen.getByRole('button', { name: 'Show side panel' });
    expect(strip.getAttribute('aria-expanded')).toBe('false');

    await user.click(strip);
    expect(panel()).toBeTruthy();
    expect(presentation().getAttribute('aria-pressed')).toBe('true');
    // The panel has presence and the timer itself: the bar gives way.
    expect(screen.queryByRole('region', { name: 'Presence and meeting timer' })).toBeNull();

    // Leaving and entering again folds it away again.
    await user.click(presentation());
    await user.click(presentation());
    expect(panel()).toBeNull();
  });

  it('toggles with P outside text boxes, and P typed in a why is just a letter', async () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'Late');
    const { user, store } = setup(doc);
    await screen.findByRole('complementary');

    await user.keyboard('p');
    expect(presentation().getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('P');
    expect(presentation().getAttribute('aria-pressed')).toBe('false');

    act(() => store.getState().startEditing(id));
    const box = await screen.findByRole('textbox', { name: 'Why text' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.keyboard('{End} price');
    expect((box as HTMLTextAreaElement).value).toBe('Late price');
    expect(presentation().getAttribute('aria-pressed')).toBe('false');
  });

  it('lists P among the keyboard shortcuts', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Keyboard shortcuts (?)' }));
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('Presentation mode');
  });
});

describe('the side panel outside presentation mode', () => {
  it('folds away and comes back, saying whether it is expanded', async () => {
    const { user } = setup();
    const hide = await screen.findByRole('button', { name: 'Hide side panel' });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    expect(hide.getAttribute('aria-controls')).toBe(panel()!.id);

    await user.click(hide);
    expect(panel()).toBeNull();
    expect(screen.queryByRole('separator')).toBeNull();
    const show = screen.getByRole('button', { name: 'Show side panel' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    expect(presentation().getAttribute('aria-pressed')).toBe('false');

    await user.click(show);
    expect(panel()).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show side panel' })).toBeNull();
  });

  it('resizes from the keyboard on its divider, within bounds, and remembers the width', async () => {
    const first = setup();
    await screen.findByRole('complementary');
    const start = Number(divider().getAttribute('aria-valuenow'));
    expect(divider().getAttribute('aria-orientation')).toBe('vertical');
    expect(start).toBeGreaterThanOrEqual(SIDE_PANEL_MIN_WIDTH);
    const max = maxPanelWidth(window.innerWidth);
    expect(Number(divider().getAttribute('aria-valuemax'))).toBe(max);

    divider().focus();
    await first.user.keyboard('{ArrowLeft}');
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(start + 16);
    expect(panel()!.style.width).toBe(`${start + 16}px`);
    await first.user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(start + 16 + 64);
    await first.user.keyboard('{ArrowRight}');
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(start + 64);
    await first.user.keyboard('{End}');
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(max);
    await first.user.keyboard('{ArrowLeft}');
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(max);
    await first.user.keyboard('{Home}');
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(SIDE_PANEL_MIN_WIDTH);
    await first.user.keyboard('{ArrowRight}');
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(SIDE_PANEL_MIN_WIDTH);
    await first.user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(localStorage.getItem(SIDE_PANEL_WIDTH_KEY)).toBe(String(SIDE_PANEL_MIN_WIDTH + 32));

    first.view.unmount();
    setup();
    await screen.findByRole('complementary');
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(SIDE_PANEL_MIN_WIDTH + 32);
  });

  it('resizes by dragging its divider', async () => {
    const { user } = setup();
    await screen.findByRole('complementary');
    const start = Number(divider().getAttribute('aria-valuenow'));
    await user.pointer([
      { keys: '[MouseLeft>]', target: divider(), coords: { clientX: 600, clientY: 300 } },
      { target: divider(), coords: { clientX: 560, clientY: 300 } },
      { keys: '[/MouseLeft]', target: divider(), coords: { clientX: 560, clientY: 300 } },
    ]);
    expect(Number(divider().getAttribute('aria-valuenow'))).toBe(start + 40);
    expect(localStorage.getItem(SIDE_PANEL_WIDTH_KEY)).toBe(String(start + 40));
  });
});
