import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { closeAnalysis, editTitle, LIMITS, readAnalysis, submitForReview } from '@whychain/shared';
import { must, newAnalysisDoc, renderEditor, seed } from '../panel/renderEditor';

const titleButton = (title: string) =>
  screen.getByRole('button', { name: `Title: ${title}, click to rename` });
const titleBox = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Title' });

describe('renaming an analysis in the header', () => {
  it('turns the title into the text box "Title" and saves it with Enter', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    await user.click(await screen.findByRole('button', { name: /^Title: Angry customers/ }));

    const box = titleBox();
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe('Angry customers');
    expect(box.selectionStart).toBe(0);
    expect(box.selectionEnd).toBe('Angry customers'.length);
    await user.keyboard('CASE-48213 charged twice {Enter}');

    expect(readAnalysis(doc).title).toBe('CASE-48213 charged twice');
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();
    const heading = screen.getByRole('heading', { level: 1 });
    expect(within(heading).getByRole('button')).toBe(titleButton('CASE-48213 charged twice'));
    // Back where the keyboard was, so Enter on it renames again.
    expect(document.activeElement).toBe(titleButton('CASE-48213 charged twice'));
  });

  it('saves when the text box is left, and Escape puts the title back', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    await user.click(await screen.findByRole('button', { name: /^Title: Angry customers/ }));
    await user.keyboard('Charged twice');
    await user.tab();
    expect(readAnalysis(doc).title).toBe('Charged twice');

    await user.click(titleButton('Charged twice'));
    await user.keyboard('Something else{Escape}');
    expect(readAnalysis(doc).title).toBe('Charged twice');
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();
    expect(document.activeElement).toBe(titleButton('Charged twice'));
  });

  it('refuses an empty title and says so, on Enter and on leaving the box', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    await user.click(await screen.findByRole('button', { name: /^Title: Angry customers/ }));
    await user.clear(titleBox());
    await user.keyboard('   {Enter}');

    expect(screen.getByRole('alert').textContent).toBe('The title cannot be empty.');
    expect(titleBox().getAttribute('aria-invalid')).toBe('true');
    expect(readAnalysis(doc).title).toBe('Angry customers');

    await user.tab();
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe(
      'The title cannot be empty. It stays as it was.',
    );
    expect(titleButton('Angry customers')).toBeTruthy();
    expect(readAnalysis(doc).title).toBe('Angry customers');
  });

  it('cuts a pasted title at the limit and says what was cut', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    await user.click(await screen.findByRole('button', { name: /^Title: Angry customers/ }));
    const long = 'Charged twice after the billing migration. '.repeat(8);
    expect(long.length).toBeGreaterThan(LIMITS.titleLength);
    await user.paste(`${long.slice(0, 20)}\n${long.slice(20)}`);

    // One line, and only as much as fits.
    expect(titleBox().value).toBe(
      `${long.slice(0, 20)} ${long.slice(20)}`.slice(0, LIMITS.titleLength),
    );
    const note = screen.getByText(
      `A title has at most ${LIMITS.titleLength} characters: the rest was cut.`,
    );
    expect(note.getAttribute('role')).toBe('status');
    expect(titleBox().getAttribute('aria-describedby')).toBe(note.id);
    const titleValue = titleBox().value;
    await user.keyboard('{Enter}');
    expect(readAnalysis(doc).title).toBe(titleValue.trim());
  });

  it('takes a rename back with Ctrl+Z, like any other edit', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    await user.click(await screen.findByRole('button', { name: /^Title: Angry customers/ }));
    await user.keyboard('Charged twice{Enter}');
    expect(readAnalysis(doc).title).toBe('Charged twice');

    await user.keyboard('{Control>}z{/Control}');
    expect(readAnalysis(doc).title).toBe('Angry customers');
    expect(titleButton('Angry customers')).toBeTruthy();
  });

  it('ignores a click for a moment after the status changed beside it', async () => {
    const doc = newAnalysisDoc();
    const { user } = renderEditor(doc);
    await screen.findByRole('button', { name: /^Title: Angry customers/ });
    act(() => must(submitForReview(doc, seed)));
    await user.click(titleButton('Angry customers'));
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 600));
    await user.click(titleButton('Angry customers'));
    expect(titleBox()).toBeTruthy();
  });

  it('shows a rename from someone else, and no way to rename a closed analysis', async () => {
    const doc = newAnalysisDoc();
    renderEditor(doc);
    await screen.findByRole('button', { name: /^Title: Angry customers/ });
    act(() => must(editTitle(doc, { title: 'Renamed by Bob' }, seed)));
    expect(titleButton('Renamed by Bob')).toBeTruthy();

    act(() => {
      must(submitForReview(doc, seed));
      must(closeAnalysis(doc, { overrideReason: 'Duplicate' }, seed));
    });
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Renamed by Bob');
    expect(within(heading).queryByRole('button')).toBeNull();
  });
});
