import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { addComment, makeOrigin, readAnalysis } from '@whychain/shared';
import { addChain, must, newAnalysisDoc, renderEditor, seed } from '../panel/renderEditor';
import { PartErrorBoundary } from './PartErrorBoundary';

/** Reads a field of a record that may be missing, as a component given damaged data would. */
function Quote({ record }: { record: { text: string } | null }) {
  return <p>{record!.text}</p>;
}

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  // React and the boundary report the caught error on the console; keep the output readable.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('PartErrorBoundary', () => {
  it('shows what failed in place of the broken part while the parts beside it keep working', async () => {
    function Page() {
      const [count, setCount] = useState(0);
      return (
        <main>
          <h1>Editor</h1>
          <PartErrorBoundary part="The side panel">
            <Quote record={null} />
          </PartErrorBoundary>
          <button type="button" onClick={() => setCount(count + 1)}>
            Clicked {count}
          </button>
        </main>
      );
    }
    const { container } = render(<Page />);

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('This part could not be shown');
    expect(alert.textContent).toContain('The side panel: Cannot read properties of null');
    // In place: between the heading and the button, which still work.
    const heading = screen.getByRole('heading', { name: 'Editor' });
    expect(container.querySelector('main')!.children[1]).toBe(alert);
    expect(heading.nextElementSibling).toBe(alert);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clicked 0' }));
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeTruthy();
    expect(
      consoleError.mock.calls.some((call) => String(call[0]).includes('could not be shown')),
    ).toBe(true);
  });

  it('draws the part again once its data changes, or on "Try again"', async () => {
    const { rerender } = render(
      <PartErrorBoundary part="Why 2" resetKey={1}>
        <Quote record={null} />
      </PartErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Why 2:');

    rerender(
      <PartErrorBoundary part="Why 2" resetKey={2}>
        <Quote record={{ text: 'Repaired by a colleague' }} />
      </PartErrorBoundary>,
    );
    expect(screen.getByText('Repaired by a colleague')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    rerender(
      <PartErrorBoundary part="Why 2" resetKey={2}>
        <Quote record={null} />
      </PartErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    // Still broken: "Try again" shows the error again rather than a blank.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert').textContent).toContain('This part could not be shown');
  });
});

describe('the editor with one broken part', () => {
  it('the comments failing to draw show an error in their place; the why, its panel and the tree still work', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, ['Overcharged']);
    must(addComment(doc, { whyId: id!, text: 'Check the invoice' }, seed));
    // The comments write each date as ISO text; make that fail, as a date this browser cannot
    // handle would (only the comments do it in the editor).
    const toISOString = vi.spyOn(Date.prototype, 'toISOString').mockImplementation(() => {
      throw new RangeError('Invalid time value');
    });
    const { user, view } = renderEditor(doc, id);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This part could not be shown');
    expect(alert.textContent).toContain('The comments: Invalid time value');
    // The rest of the why's panel is drawn and works.
    expect(screen.getByRole('heading', { name: 'Why 1' })).toBeTruthy();
    const group = screen.getByRole('radiogroup', { name: 'Verification' });
    await user.click(within(group).getByRole('radio', { name: 'Verified' }));
    expect(readAnalysis(doc).whys[id!]!.verification).toBe('verified');
    // And so is the tree.
    const node = view.container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
    expect(within(node).getByText('Verified')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Ready to close\?/ })).toBeTruthy();

    // Once they can be drawn, a new comment from someone else brings them back without a reload.
    toISOString.mockRestore();
    act(() => {
      must(addComment(doc, { whyId: id!, text: 'Asked billing' }, makeOrigin('remote', 'Grace')));
    });
    expect(await screen.findByText('Check the invoice')).toBeTruthy();
    expect(screen.getByText('Asked billing')).toBeTruthy();
    expect(screen.queryByText('This part could not be shown')).toBeNull();
  });
});
