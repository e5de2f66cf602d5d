import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addComment, addParkingLotItem } from '@whychain/shared';
import { addChain, must, newAnalysisDoc, renderEditor, seed } from './renderEditor';

/** Hebrew and Arabic texts must read right to left, each in its own direction. */
const HEBREW = 'הלקוחות חויבו ביתר';
const ARABIC = 'أي شركة شحن؟';
const ARABIC_WHY = 'النموذج قديم';

describe('texts in right-to-left scripts', () => {
  it('are shown in their own direction on the canvas and in the side panel', async () => {
    const doc = newAnalysisDoc();
    const [id] = addChain(doc, [HEBREW, ARABIC_WHY]);
    must(addComment(doc, { whyId: id!, text: ARABIC }, seed));
    must(addParkingLotItem(doc, { text: HEBREW }, seed));
    renderEditor(doc, id);

    const quotes = await screen.findAllByText(HEBREW);
    // The panel's quote of the selected why (its node shows a text box) and the parking lot item.
    expect(quotes).toHaveLength(2);
    for (const quote of quotes) expect(quote.closest('[dir]')?.getAttribute('dir')).toBe('auto');
    expect(screen.getByText(ARABIC).getAttribute('dir')).toBe('auto');
    expect(screen.getByText(ARABIC_WHY).getAttribute('dir')).toBe('auto');
    const typing = [
      screen.getByRole('textbox', { name: 'Evidence' }),
      screen.getByRole('textbox', { name: 'Add comment' }),
      screen.getByRole('textbox', { name: 'Add to parking lot' }),
    ];
    for (const box of typing) expect(box.getAttribute('dir')).toBe('auto');
    const node = screen.getByRole('group', { name: /^Why 1/ });
    expect(within(node).getByRole('textbox', { name: 'Why text' }).getAttribute('dir')).toBe(
      'auto',
    );
  });
});
