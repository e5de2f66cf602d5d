import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  createAnalysis,
  makeOrigin,
  readAnalysis,
  setRootCause,
  type WhyId,
} from '../index';

const me = makeOrigin('local', 'Ada');

function withWhy(): { doc: Y.Doc; id: WhyId } {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  const added = addWhy(doc, { parentId: null, text: 'New forms were not ordered' }, me);
  if (!added.ok) throw new Error(added.reason);
  return { doc, id: added.id };
}

describe('setRootCause', () => {
  it('marks a why as a root cause and takes the mark away again', () => {
    const { doc, id } = withWhy();
    expect(readAnalysis(doc).whys[id]!.rootCause).toBe(false);
    expect(setRootCause(doc, { whyId: id, rootCause: true }, me)).toEqual({ ok: true });
    expect(readAnalysis(doc).whys[id]!.rootCause).toBe(true);
    expect(setRootCause(doc, { whyId: id, rootCause: false }, me)).toEqual({ ok: true });
    expect(readAnalysis(doc).whys[id]!.rootCause).toBe(false);
  });

  it('refuses a why that does not exist', () => {
    const { doc } = withWhy();
    expect(setRootCause(doc, { whyId: 'nosuch01' as WhyId, rootCause: true }, me)).toEqual({
      ok: false,
      reason: 'This why no longer exists.',
    });
  });

  it('refuses a flag that is not true or false', () => {
    const { doc, id } = withWhy();
    expect(setRootCause(doc, { whyId: id, rootCause: 'yes' as never }, me)).toEqual({
      ok: false,
      reason: 'Root cause must be true or false.',
    });
    expect(readAnalysis(doc).whys[id]!.rootCause).toBe(false);
  });
});
