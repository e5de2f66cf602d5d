import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  addWhy,
  createAnalysis,
  makeOrigin,
  readAnalysis,
  resolveComment,
  type WhyId,
} from '../index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');
const remote = makeOrigin('remote');

/** Waits for the clock to move on, so records made before and after get different times. */
function nextMillisecond(): void {
  const now = Date.now();
  while (Date.now() === now) {
    // spin: readAnalysis lists by creation time, and ties are broken by random id
  }
}

function withWhy(): { doc: Y.Doc; id: WhyId } {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Customers were overcharged' }, ada);
  const added = addWhy(doc, { parentId: null, text: 'The till used an old price list' }, ada);
  if (!added.ok) throw new Error(added.reason);
  return { doc, id: added.id };
}

describe('addComment', () => {
  it('adds a trimmed comment on a why, signed with the author and the time', () => {
    const { doc, id } = withWhy();
    const before = Date.now();
    const added = addComment(doc, { whyId: id, text: '  Is this the 2024 list?  ' }, bob);
    const after = Date.now();
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const [comment, ...rest] = readAnalysis(doc).comments;
    expect(rest).toEqual([]);
    expect(comment).toMatchObject({
      id: added.id,
      whyId: id,
      text: 'Is this the 2024 list?',
      author: 'Bob',
      resolved: false,
    });
    expect(comment!.createdAt).toBeGreaterThanOrEqual(before);
    expect(comment!.createdAt).toBeLessThanOrEqual(after);
  });

  it('lists comments oldest first and shows them on another replica', () => {
    const { doc, id } = withWhy();
    addComment(doc, { whyId: id, text: 'First' }, ada);
    nextMillisecond();
    addComment(doc, { whyId: id, text: 'Second' }, bob);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc), remote);
    expect(readAnalysis(other).comments.map((c) => [c.author, c.text])).toEqual([
      ['Ada', 'First'],
      ['Bob', 'Second'],
    ]);
  });

  it.each([
    ['an empty comment', '', 'A comment cannot be empty.'],
    ['a blank comment', ' \n\t ', 'A comment cannot be empty.'],
    [
      'a comment over the limit',
      'x'.repeat(5001),
      'Comment is too long (5001 characters, at most 5000).',
    ],
    ['a comment that is not text', 42, 'Comment must be text.'],
  ])('refuses %s and adds nothing', (_, text, reason) => {
    const { doc, id } = withWhy();
    expect(addComment(doc, { whyId: id, text: text as string }, ada)).toEqual({
      ok: false,
      reason,
    });
    expect(readAnalysis(doc).comments).toEqual([]);
  });

  it('refuses a why that does not exist', () => {
    const { doc } = withWhy();
    expect(addComment(doc, { whyId: 'nosuchwhy01' as WhyId, text: 'Hello' }, ada)).toEqual({
      ok: false,
      reason: 'This why no longer exists.',
    });
    expect(readAnalysis(doc).comments).toEqual([]);
  });
});

describe('resolveComment', () => {
  it('marks a comment resolved and opens it again', () => {
    const { doc, id } = withWhy();
    const added = addComment(doc, { whyId: id, text: 'Is this the 2024 list?' }, bob);
    if (!added.ok) throw new Error(added.reason);

    expect(resolveComment(doc, { commentId: added.id }, ada)).toEqual({ ok: true });
    expect(readAnalysis(doc).comments).toMatchObject([
      { id: added.id, text: 'Is this the 2024 list?', author: 'Bob', resolved: true },
    ]);

    expect(resolveComment(doc, { commentId: added.id, resolved: false }, ada)).toEqual({
      ok: true,
    });
    expect(readAnalysis(doc).comments).toMatchObject([{ id: added.id, resolved: false }]);

    expect(resolveComment(doc, { commentId: added.id, resolved: true }, ada)).toEqual({ ok: true });
    expect(readAnalysis(doc).comments).toMatchObject([{ id: added.id, resolved: true }]);
  });

  it('resolves only the comment it is given', () => {
    const { doc, id } = withWhy();
    const first = addComment(doc, { whyId: id, text: 'First' }, ada);
    nextMillisecond();
    addComment(doc, { whyId: id, text: 'Second' }, ada);
    if (!first.ok) throw new Error(first.reason);
    resolveComment(doc, { commentId: first.id }, ada);
    expect(readAnalysis(doc).comments.map((c) => [c.text, c.resolved])).toEqual([
      ['First', true],
      ['Second', false],
    ]);
  });

  it('refuses a comment that does not exist', () => {
    const { doc } = withWhy();
    expect(resolveComment(doc, { commentId: 'nosuchcomment' }, ada)).toEqual({
      ok: false,
      reason: 'This comment no longer exists.',
    });
    expect(readAnalysis(doc).comments).toEqual([]);
  });
});
