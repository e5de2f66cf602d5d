import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readAnalysis } from '@whychain/shared';
import { newAnalysisDoc, renderEditor } from './renderEditor';

describe('AnalysisDetails (problem or nothing selected)', () => {
  it('writes learnings for other customers', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc(), 'problem');
    const box = await screen.findByRole('textbox', { name: 'Learnings for other customers' });
    await user.type(box, 'Check form dates');
    expect(readAnalysis(doc).learnings).toBe('Check form dates');
  });

  it('writes the message to the customer', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc(), 'problem');
    const box = await screen.findByRole('textbox', { name: 'Message to the customer' });
    await user.type(box, 'We are sorry');
    expect(readAnalysis(doc).customerMessage).toBe('We are sorry');
  });

  it('marks a containment action internal and its owner shareable', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    const form = await screen.findByRole('form', { name: 'Add action' });
    await user.type(within(form).getByLabelText('Description'), 'Refund the difference');
    await user.click(within(form).getByRole('button', { name: 'Add action' }));
    const item = within(await screen.findByRole('listitem', { name: 'Refund the difference' }));
    await user.click(item.getByRole('checkbox', { name: 'Internal: never shown to the customer' }));
    await user.click(item.getByRole('checkbox', { name: "Show the owner's name to the customer" }));
    expect(readAnalysis(doc).actions).toMatchObject([{ internal: true, ownerShareable: true }]);
  });

  it('adds a containment action on the analysis as a whole', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    const form = await screen.findByRole('form', { name: 'Add action' });
    expect(within(form).queryByLabelText('Kind')).toBeNull();
    await user.type(within(form).getByLabelText('Description'), 'Refund the difference');
    await user.type(within(form).getByLabelText('Owner'), 'Billing lead');
    await user.click(within(form).getByRole('button', { name: 'Add action' }));
    expect(await screen.findByRole('listitem', { name: 'Refund the difference' })).toBeTruthy();
    expect(readAnalysis(doc).actions).toMatchObject([
      { whyId: null, kind: 'containment', owner: 'Billing lead', dueDate: null },
    ]);
  });

  it('edits the categories and blame words one per line, and shows a refusal', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    await user.click(await screen.findByRole('button', { name: 'Settings' }));

    const categories = screen.getByRole('textbox', { name: 'Cause categories' });
    await user.clear(categories);
    await user.type(categories, 'People{Enter}Process{Enter}Vendors');
    await user.click(screen.getByRole('button', { name: 'Save cause categories' }));
    expect(readAnalysis(doc).categories).toEqual(['People', 'Process', 'Vendors']);

    await user.clear(categories);
    await user.click(screen.getByRole('button', { name: 'Save cause categories' }));
    expect(screen.getByRole('alert').textContent).toBe('Keep at least one category.');
    expect(readAnalysis(doc).categories).toEqual(['People', 'Process', 'Vendors']);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((categories as HTMLTextAreaElement).value).toBe('People\nProcess\nVendors');

    const words = screen.getByRole('textbox', { name: 'Blame words' });
    await user.clear(words);
    await user.type(words, 'forgot{Enter}sloppy');
    await user.click(screen.getByRole('button', { name: 'Save blame words' }));
    expect(readAnalysis(doc).blameWords).toEqual(['forgot', 'sloppy']);
  });
});
