import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addComment,
  addEvidenceLink,
  addParkingLotItem,
  addWhy,
  closeAnalysis,
  computeChecklist,
  createAnalysis,
  editEvidence,
  editLearnings,
  editTitle,
  editWhyDetails,
  makeOrigin,
  pauseTimer,
  readAnalysis,
  removeEvidenceLink,
  removeParkingLotItem,
  reopenAnalysis,
  resetTimer,
  resolveComment,
  returnToDraft,
  setBlameWords,
  setCategories,
  setRootCause,
  startTimer,
  submitForReview,
  type Result,
  type WhyId,
} from '../index';

const ada = makeOrigin('local', 'Ada');
/** Status changes run with their own origin, as the undo manager expects. */
const adaSigns = makeOrigin('local', 'Ada Lovelace');
const closed = { ok: false, reason: 'This analysis is closed; reopen it to make changes.' };

function must<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

interface Fixture {
  doc: Y.Doc;
  rootCause: WhyId;
  commentId: string;
  parkedId: string;
}

/**
 * An analysis whose checklist passes (a three-why chain to a verified root cause with a dated,
 * owned corrective action, and learnings), plus a comment, a link and a parking lot point.
 * With `complete: false` the learnings are left empty, so the checklist fails.
 */
function fixture({ complete = true } = {}): Fixture {
  const doc = new Y.Doc();
  must(
    createAnalysis(doc, { title: 'Angry customers', problem: 'Customers were overcharged' }, ada),
  );
  const w1 = must(addWhy(doc, { parentId: null, text: 'The receipt price was wrong' }, ada)).id;
  const w2 = must(addWhy(doc, { parentId: w1, text: 'The till had an old price list' }, ada)).id;
  const w3 = must(addWhy(doc, { parentId: w2, text: 'Nobody owns price list updates' }, ada)).id;
  must(setRootCause(doc, { whyId: w3, rootCause: true }, ada));
  must(editWhyDetails(doc, { whyId: w3, patch: { verification: 'verified' } }, ada));
  must(
    addAction(
      doc,
      {
        whyId: w3,
        kind: 'corrective',
        description: 'Name an owner',
        owner: 'Bob',
        dueDate: '2030-01-31',
      },
      ada,
    ),
  );
  must(addEvidenceLink(doc, { whyId: w3, url: 'https://help.example.com/ticket/42' }, ada));
  const commentId = must(addComment(doc, { whyId: w3, text: 'Confirmed with Bob' }, ada)).id;
  const parkedId = must(addParkingLotItem(doc, { text: 'Refund policy' }, ada)).id;
  if (complete) must(editLearnings(doc, { text: 'Give every price list an owner.' }, ada));
  expect(computeChecklist(readAnalysis(doc)).passed).toBe(complete);
  return { doc, rootCause: w3, commentId, parkedId };
}

describe('submitForReview and returnToDraft', () => {
  it('moves a draft to review and back', () => {
    const { doc } = fixture();
    expect(readAnalysis(doc).status).toBe('draft');
    expect(submitForReview(doc, adaSigns)).toEqual({ ok: true });
    expect(readAnalysis(doc).status).toBe('in_review');
    expect(returnToDraft(doc, adaSigns)).toEqual({ ok: true });
    expect(readAnalysis(doc).status).toBe('draft');
  });

  it('submits only a draft', () => {
    const { doc } = fixture();
    submitForReview(doc, adaSigns);
    expect(submitForReview(doc, adaSigns)).toEqual({
      ok: false,
      reason: 'Only a draft can be submitted for review.',
    });
    expect(readAnalysis(doc).status).toBe('in_review');
  });

  it('returns to draft only from review', () => {
    const { doc } = fixture();
    expect(returnToDraft(doc, adaSigns)).toEqual({
      ok: false,
      reason: 'Only an analysis in review can go back to draft.',
    });
    expect(readAnalysis(doc).status).toBe('draft');
  });

  it('keeps the analysis editable while in review', () => {
    const { doc } = fixture();
    submitForReview(doc, adaSigns);
    expect(editTitle(doc, { title: 'Overcharged customers' }, ada)).toEqual({ ok: true });
    expect(readAnalysis(doc)).toMatchObject({
      status: 'in_review',
      title: 'Overcharged customers',
    });
  });
});

describe('closeAnalysis', () => {
  it('signs off and closes when the checklist passes, with no override', () => {
    const { doc } = fixture();
    submitForReview(doc, adaSigns);
    const before = Date.now();
    expect(closeAnalysis(doc, {}, adaSigns)).toEqual({ ok: true, overridden: false });
    const snap = readAnalysis(doc);
    expect(snap).toMatchObject({
      status: 'closed',
      signedOffBy: 'Ada Lovelace',
      closeOverride: null,
    });
    expect(snap.signedOffAt).toBeGreaterThanOrEqual(before);
    expect(snap.signedOffAt).toBeLessThanOrEqual(Date.now());
  });

  it('records no override when a reason is given but the checklist passes anyway', () => {
    const { doc } = fixture();
    expect(closeAnalysis(doc, { overrideReason: 'Just in case' }, adaSigns)).toEqual({
      ok: true,
      overridden: false,
    });
    expect(readAnalysis(doc)).toMatchObject({ status: 'closed', closeOverride: null });
  });

  it.each([
    ['no reason', {}],
    ['an empty reason', { overrideReason: '' }],
    ['a blank reason', { overrideReason: '   ' }],
  ])('refuses with %s while the checklist fails, and changes nothing', (_, input) => {
    const { doc } = fixture({ complete: false });
    submitForReview(doc, adaSigns);
    const before = readAnalysis(doc);
    expect(closeAnalysis(doc, input, adaSigns)).toEqual({
      ok: false,
      reason: 'The checklist is not complete; fix it or give a reason to close anyway.',
    });
    expect(readAnalysis(doc)).toEqual(before);
    expect(before).toMatchObject({ status: 'in_review', signedOffBy: null, closeOverride: null });
  });

  it('closes with an override reason while the checklist fails, and records the reason', () => {
    const { doc } = fixture({ complete: false });
    const before = Date.now();
    expect(
      closeAnalysis(doc, { overrideReason: '  Customer needs an answer today  ' }, adaSigns),
    ).toEqual({ ok: true, overridden: true });
    const snap = readAnalysis(doc);
    expect(snap).toMatchObject({
      status: 'closed',
      signedOffBy: 'Ada Lovelace',
      closeOverride: 'Customer needs an answer today',
    });
    expect(snap.signedOffAt).toBeGreaterThanOrEqual(before);
  });

  it('refuses an override reason over the limit', () => {
    const { doc } = fixture({ complete: false });
    expect(closeAnalysis(doc, { overrideReason: 'x'.repeat(5001) }, adaSigns)).toEqual({
      ok: false,
      reason: 'The override reason is too long.',
    });
    expect(readAnalysis(doc).status).toBe('draft');
  });

  it('refuses to close without the name of who signs off', () => {
    const { doc } = fixture();
    expect(closeAnalysis(doc, {}, makeOrigin('local', '  '))).toEqual({
      ok: false,
      reason: 'Closing needs the name of who signs off.',
    });
    expect(readAnalysis(doc)).toMatchObject({ status: 'draft', signedOffBy: null });
  });
});

describe('a closed analysis', () => {
  /** Every command of the review, meeting and evidence features, with input that would work. */
  const commands: Array<[string, (f: Fixture) => Result<object>]> = [
    ['editTitle', (f) => editTitle(f.doc, { title: 'New title' }, ada)],
    ['addWhy', (f) => addWhy(f.doc, { parentId: f.rootCause, text: 'Deeper' }, ada)],
    [
      'editWhyDetails',
      (f) =>
        editWhyDetails(f.doc, { whyId: f.rootCause, patch: { verification: 'ruled_out' } }, ada),
    ],
    ['editEvidence', (f) => editEvidence(f.doc, { whyId: f.rootCause, text: 'Log' }, ada)],
    [
      'addEvidenceLink',
      (f) => addEvidenceLink(f.doc, { whyId: f.rootCause, url: 'https://example.com/x' }, ada),
    ],
    [
      'removeEvidenceLink',
      (f) =>
        removeEvidenceLink(
          f.doc,
          { whyId: f.rootCause, url: 'https://help.example.com/ticket/42' },
          ada,
        ),
    ],
    ['addComment', (f) => addComment(f.doc, { whyId: f.rootCause, text: 'Late remark' }, ada)],
    ['resolveComment', (f) => resolveComment(f.doc, { commentId: f.commentId }, ada)],
    ['addParkingLotItem', (f) => addParkingLotItem(f.doc, { text: 'Another point' }, ada)],
    ['removeParkingLotItem', (f) => removeParkingLotItem(f.doc, { id: f.parkedId }, ada)],
    ['editLearnings', (f) => editLearnings(f.doc, { text: 'Changed learnings' }, ada)],
    ['startTimer', (f) => startTimer(f.doc, ada, 1_000)],
    ['pauseTimer', (f) => pauseTimer(f.doc, ada, 2_000)],
    ['resetTimer', (f) => resetTimer(f.doc, ada)],
    ['setCategories', (f) => setCategories(f.doc, { categories: ['Weather'] }, ada)],
    ['setBlameWords', (f) => setBlameWords(f.doc, { words: ['rushed'] }, ada)],
    ['submitForReview', (f) => submitForReview(f.doc, adaSigns)],
    ['returnToDraft', (f) => returnToDraft(f.doc, adaSigns)],
    ['closeAnalysis', (f) => closeAnalysis(f.doc, { overrideReason: 'Again' }, adaSigns)],
  ];

  it.each(commands)('refuses %s with the reason and keeps everything as it was', (_, run) => {
    const f = fixture();
    must(closeAnalysis(f.doc, {}, adaSigns));
    const before = readAnalysis(f.doc);
    expect(run(f)).toEqual(closed);
    expect(readAnalysis(f.doc)).toEqual(before);
  });
});

describe('reopenAnalysis', () => {
  it('reopens a closed analysis as a draft with the sign-off cleared, editable again', () => {
    const f = fixture({ complete: false });
    must(closeAnalysis(f.doc, { overrideReason: 'Urgent' }, adaSigns));
    expect(reopenAnalysis(f.doc, adaSigns)).toEqual({ ok: true });
    expect(readAnalysis(f.doc)).toMatchObject({
      status: 'draft',
      signedOffBy: null,
      signedOffAt: null,
      closeOverride: null,
    });
    expect(editLearnings(f.doc, { text: 'Learned something' }, ada)).toEqual({ ok: true });
    expect(readAnalysis(f.doc).learnings).toBe('Learned something');
  });

  it.each([
    ['a draft', (_: Y.Doc) => undefined],
    ['an analysis in review', (doc: Y.Doc) => void submitForReview(doc, adaSigns)],
  ])('refuses to reopen %s and changes nothing', (_, prepare) => {
    const { doc } = fixture();
    prepare(doc);
    const before = readAnalysis(doc);
    expect(reopenAnalysis(doc, adaSigns)).toEqual({
      ok: false,
      reason: 'Only a closed analysis can be reopened.',
    });
    expect(readAnalysis(doc)).toEqual(before);
  });

  it('refuses before the analysis has loaded', () => {
    expect(reopenAnalysis(new Y.Doc(), adaSigns)).toEqual({
      ok: false,
      reason: 'The analysis has not loaded yet.',
    });
  });
});
