import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addChain, completeAnalysis, newAnalysisDoc, renderEditor } from './renderEditor';

function checklistItems() {
  const list = screen.getByRole('list', { name: 'Checklist' });
  return within(list)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement === list);
}

describe('ChecklistSection ("ready to close?")', () => {
  it('lists what a fresh analysis is missing', async () => {
    renderEditor(newAnalysisDoc());
    const section = await screen.findByRole('region', { name: /Ready to close\?/ });
    expect(within(section).getByText('1 of 5 done')).toBeTruthy();
    const items = checklistItems();
    expect(items.map((item) => item.querySelector('.wc-checklist__item')!.textContent)).toEqual([
      '✗Every branch ends in a root cause or is ruled out: not yet',
      '✗Every root cause is verified or accepted as an assumption: not yet',
      '✗Every root cause has a corrective or preventive action with an owner and a due date: not yet',
      '✓No chain stops before 3 whys without a reason: done',
      '✗Learnings for other customers are written down: not yet',
    ]);
    expect(within(items[0]!).getByText('No whys yet.')).toBeTruthy();
    expect(within(items[1]!).getByText('No root cause marked yet.')).toBeTruthy();
    expect(within(items[4]!).getByText('Learnings for other customers are empty.')).toBeTruthy();
  });

  it('passes for an analysis completed through the commands', async () => {
    const { doc } = completeAnalysis();
    renderEditor(doc);
    const section = await screen.findByRole('region', { name: /Ready to close\?/ });
    expect(within(section).getByText('Ready')).toBeTruthy();
    for (const item of checklistItems()) expect(item.textContent).toMatch(/^✓.*: done$/);
  });

  it('selects the why a problem names when it is clicked', async () => {
    const doc = newAnalysisDoc();
    const [, second] = addChain(doc, ['Overcharged', 'Wrong price form']);
    const { user, store } = renderEditor(doc);
    expect(await screen.findByRole('heading', { name: 'Analysis' })).toBeTruthy();

    await user.click(
      screen.getByRole('button', {
        name: '"Wrong price form" is neither a root cause nor ruled out.',
      }),
    );
    expect(store.getState().selectedId).toBe(second);
    expect(await screen.findByRole('heading', { name: 'Why 2' })).toBeTruthy();
  });

  it('folds away and opens again', async () => {
    const { user } = renderEditor(newAnalysisDoc());
    const toggle = await screen.findByRole('button', { name: 'Ready to close?' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: 'Checklist' })).toBeNull();
    await user.click(toggle);
    expect(screen.getByRole('list', { name: 'Checklist' })).toBeTruthy();
  });
});
