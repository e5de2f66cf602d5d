import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeOrigin, migrateDocument, SCHEMA_VERSION, writeSampleAnalysis } from './index';
import { validateDocument } from './validateDocument';
import { version1Fixture } from '../../tests/fixtures/oldVersionDocs';

const me = makeOrigin('server', 'Whychain');

describe('validateDocument', () => {
  it('finds nothing wrong with the sample analysis, nor with an empty document', () => {
    const doc = new Y.Doc();
    expect(validateDocument(doc)).toEqual([]);
    writeSampleAnalysis(doc, me);
    expect(validateDocument(doc)).toEqual([]);
  });

  it('finds nothing wrong with an old document once migrated, and what is missing before', () => {
    const doc = version1Fixture();
    const problems = validateDocument(doc);
    expect(problems).toContain('whys.oldwhy000001.links: missing');
    expect(problems).toContain(
      `meta.schemaVersion: the number 1, not this Whychain's schema version ${SCHEMA_VERSION}`,
    );
    migrateDocument(doc, me);
    expect(validateDocument(doc)).toEqual([]);
  });

  it('lists every problem of a document a raw client wrote into', () => {
    const doc = new Y.Doc();
    const { rootCauseId } = writeSampleAnalysis(doc, me);
    doc.transact(() => {
      doc.getMap('meta').set('title', false);
      doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
      const why = doc.getMap<Y.Map<unknown>>('whys').get(rootCauseId)!;
      why.set('text', 7);
      why.set('extra', 'x');
      (why.get('links') as Y.Array<unknown>).push([1]);
      doc.getMap('whys').set('notamap00001', 'x');
      doc.getMap('elsewhere').set('k', 1);
      doc.getText('learnings').insert(0, 'l'.repeat(20_001));
      doc.getText('problem').format(0, 1, { bold: true });
    });
    expect(validateDocument(doc).sort()).toEqual(
      [
        '"elsewhere": not a part of an analysis, yet written to',
        'learnings: 20001 characters, at most 20000',
        `meta.schemaVersion: the number ${SCHEMA_VERSION + 1}, not this Whychain's schema version ${SCHEMA_VERSION}`,
        'meta.title: false where text of at most 200 characters belongs',
        'problem: holds 2 pieces that are not text (formatting, embeds or shared types)',
        `whys.${rootCauseId}.extra: not a field of a why`,
        `whys.${rootCauseId}.links: 1 item that is not a web link (http or https) of at most 2000 characters`,
        `whys.${rootCauseId}.text: the number 7 where a shared text of at most 5000 characters belongs`,
        'whys.notamap00001: text of 1 character where a why belongs',
      ].sort(),
    );
  });
});
