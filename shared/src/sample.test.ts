import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeOrigin, readAnalysis, SAMPLE_ANALYSIS, writeSampleAnalysis } from './index';

describe('writeSampleAnalysis', () => {
  it('writes the five whys as one chain, the last one the root cause', () => {
    const doc = new Y.Doc();
    const { rootCauseId } = writeSampleAnalysis(doc, makeOrigin('server', 'Whychain'));
    const snap = readAnalysis(doc);
    expect(snap).toMatchObject({
      title: 'Customers overcharged for the book',
      problem: 'Why are the customers angry?',
      status: 'draft',
    });
    expect(snap.order.map((id) => snap.whys[id]!.text)).toEqual([...SAMPLE_ANALYSIS.whys]);
    expect(snap.order.map((id) => snap.whys[id]!.depth)).toEqual([1, 2, 3, 4, 5]);
    expect(snap.rootIds).toEqual([snap.order[0]]);
    snap.order.forEach((id, i) => {
      expect(snap.whys[id]!.parentId).toBe(i === 0 ? null : snap.order[i - 1]);
      expect(snap.whys[id]!.rootCause).toBe(i === 4);
    });
    expect(snap.order[4]).toBe(rootCauseId);
  });

  it('adds a containment action on the analysis and a preventive one on the root cause', () => {
    const doc = new Y.Doc();
    const { rootCauseId } = writeSampleAnalysis(doc, makeOrigin('server', 'Whychain'));
    const actions = readAnalysis(doc).actions;
    expect(actions).toHaveLength(2);
    expect(actions.find((a) => a.kind === 'containment')).toMatchObject({
      whyId: null,
      owner: 'Billing lead',
      status: 'open',
    });
    expect(actions.find((a) => a.kind === 'preventive')).toMatchObject({
      whyId: rootCauseId,
      owner: 'Operations manager',
      status: 'open',
    });
  });

  it('refuses to write into a document that already holds an analysis, adding nothing', () => {
    const doc = new Y.Doc();
    writeSampleAnalysis(doc, makeOrigin('server', 'Whychain'));
    expect(() => writeSampleAnalysis(doc, makeOrigin('server', 'Whychain'))).toThrow(
      'This document already holds an analysis.',
    );
    expect(readAnalysis(doc).order).toHaveLength(5);
    expect(readAnalysis(doc).actions).toHaveLength(2);
  });
});
