import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readAnalysis } from '@whychain/shared';
import { newAnalysisDoc, renderEditor } from '../panel/renderEditor';

describe('ParkingLot', () => {
  it('sets a point aside and takes it off again', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    const input = await screen.findByRole('textbox', { name: 'Add to parking lot' });
    await user.type(input, 'Ask billing about refunds{Enter}');

    const list = await screen.findByRole('list', { name: 'Parking lot items' });
    expect(within(list).getByRole('listitem').textContent).toContain('Ask billing about refunds');
    expect(readAnalysis(doc).parkingLot).toMatchObject([
      { text: 'Ask billing about refunds', author: 'Ada' },
    ]);
    expect((input as HTMLInputElement).value).toBe('');

    await user.click(
      screen.getByRole('button', {
        name: 'Remove "Ask billing about refunds" from the parking lot',
      }),
    );
    expect(screen.queryByRole('list', { name: 'Parking lot items' })).toBeNull();
    expect(readAnalysis(doc).parkingLot).toEqual([]);
  });

  it('stays visible while a why is selected', async () => {
    const doc = newAnalysisDoc();
    const { user } = renderEditor(doc);
    await user.type(
      await screen.findByRole('textbox', { name: 'Add to parking lot' }),
      'Later{Enter}',
    );
    await user.click(await screen.findByText('Why are they angry?'));
    expect(screen.getByRole('list', { name: 'Parking lot items' })).toBeTruthy();
  });
});
