import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addWhy, editProblem, editWhyText, makeOrigin, setRootCause } from '@whychain/shared';
import { newAnalysisDoc, PROBLEM, seedWhy } from '../flow/renderEditor';
import { useAnalysis } from './useAnalysis';

const me = makeOrigin('local', 'Ada');

describe('useAnalysis', () => {
  it('reads typing once the frame that shows it is drawn, not inside the keystroke', async () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'The forms ran out');
    const { result } = renderHook(() => useAnalysis(doc));

    act(() => void editWhyText(doc, { whyId: id, text: 'The forms ran out twice' }, me));
    act(() => void editProblem(doc, { text: `${PROBLEM}!` }, me));
    expect(result.current.snapshot.whys[id]!.text).toBe('The forms ran out');

    await waitFor(() =>
      expect(result.current.snapshot.whys[id]!.text).toBe('The forms ran out twice'),
    );
    expect(result.current.snapshot.problem).toBe(`${PROBLEM}!`);
  });

  it('reads any other change at once, together with typing still waiting', () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'The forms ran out');
    const { result } = renderHook(() => useAnalysis(doc));

    act(() => void editWhyText(doc, { whyId: id, text: 'The forms ran out again' }, me));
    act(() => void setRootCause(doc, { whyId: id, rootCause: true }, me));
    expect(result.current.snapshot.whys[id]).toMatchObject({
      rootCause: true,
      text: 'The forms ran out again',
    });

    let added = '';
    act(() => {
      const result = addWhy(doc, { parentId: id, text: 'Nobody orders them' }, me);
      if (result.ok) added = result.id;
    });
    expect(result.current.snapshot.whys[id]!.childIds).toEqual([added]);
  });

  it('keeps the snapshot it has while not live, and reads the document once live again', () => {
    const doc = newAnalysisDoc();
    const id = seedWhy(doc, null, 'The forms ran out');
    const { result, rerender } = renderHook(({ live }) => useAnalysis(doc, live), {
      initialProps: { live: false },
    });
    const before = result.current;

    act(() => void setRootCause(doc, { whyId: id, rootCause: true }, me));
    act(() => void addWhy(doc, { parentId: id, text: 'Nobody orders them' }, me));
    expect(result.current).toBe(before);

    rerender({ live: true });
    expect(result.current.snapshot.whys[id]).toMatchObject({ rootCause: true });
    expect(result.current.snapshot.whys[id]!.childIds).toHaveLength(1);
  });
});
