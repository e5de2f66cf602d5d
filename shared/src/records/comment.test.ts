import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, addWhy, createAnalysis, makeOrigin, resolveComment } from '../index';
import { commentsOf } from '../schema';
import { CommentRecord } from './comment';
import { accepts, defaultValue, newRecordMap } from './field';
import { readRecord } from './read';

const me = makeOrigin('local', 'Ada');

describe('CommentRecord', () => {
  it('has a default for every field that its own rule accepts', () => {
    for (const [key, field] of Object.entries(CommentRecord.fields)) {
      expect(accepts(field, defaultValue(field)), key).toBe(true);
    }
  });

  it('reads a comment written by the commands as written, undamaged', () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'T', problem: 'P' }, me);
    const why = addWhy(doc, { parentId: null, text: 'Root' }, me);
    if (!why.ok) throw new Error(why.reason);
    const comment = addComment(doc, { whyId: why.id, text: 'Check the log' }, me);
    if (!comment.ok) throw new Error(comment.reason);
    resolveComment(doc, { commentId: comment.id }, me);
    const read = readRecord(CommentRecord, commentsOf(doc).get(comment.id)!);
    expect(read).toMatchObject({
      damaged: false,
      values: { whyId: why.id, text: 'Check the log', author: 'Ada', resolved: true },
    });
  });

  it('reads a malformed comment with defaults and cuts a text over 5000 characters', () => {
    const map = newRecordMap(CommentRecord, {});
    new Y.Doc().getMap('comments').set('comment00001', map);
    map.set('text', 'c'.repeat(6000));
    map.set('resolved', 'yes');
    map.set('createdAt', Number.NaN);
    expect(readRecord(CommentRecord, map)).toMatchObject({
      damaged: true,
      values: { text: 'c'.repeat(5000), resolved: false, createdAt: 0 },
    });
  });
});
