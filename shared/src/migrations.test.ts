import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEvidenceLink } from './commands/editWhyDetails';
import { editEvidence } from './commands/editWhyDetails';
import type { ActionId, WhyId } from './ids';
import { migrateDocument, MIGRATIONS } from './migrations';
import { makeOrigin } from './origin';
import { readAnalysis } from './readAnalysis';
import { updateAction } from './commands/updateAction';
import { validateDocument } from './validateDocument';
import { actionTextOf, DEFAULT_CATEGORIES, metaOf, SCHEMA_VERSION, whyTextOf } from './schema';
import { version1Fixture, version2Fixture } from '../../tests/fixtures/oldVersionDocs';

const server = makeOrigin('server', 'Whychain');

describe('migrateDocument', () => {
  it('lists migrations in order, ending at the current schema', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(SCHEMA_VERSION);
  });

  it('1 -> 3: adds the meeting fields and keeps everything that was there', () => {
    const doc = version1Fixture();
    const before = readAnalysis(doc);
    expect(migrateDocument(doc, server)).toEqual({ ok: true, from: 1, to: SCHEMA_VERSION });
    const after = readAnalysis(doc);
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    expect(after.title).toBe(before.title);
    expect(after.problem).toBe(before.problem);
    expect(after.whys['oldwhy000001']).toMatchObject({
      text: 'Because they are overcharged.',
      rootCause: true,
      verification: 'hypothesis',
      category: null,
      evidence: '',
      links: [],
      stopReason: '',
    });
    expect(after.categories).toEqual(DEFAULT_CATEGORIES);
    expect(after.timer).toEqual({ startedAt: null, elapsedMs: 0 });

    const me = makeOrigin('local', 'Bob');
    const id = 'oldwhy000001' as WhyId;
    expect(editEvidence(doc, { whyId: id, text: 'Invoice #12' }, me)).toEqual({ ok: true });
    expect(addEvidenceLink(doc, { whyId: id, url: 'https://crm.example.com/1' }, me).ok).toBe(true);
    expect(readAnalysis(doc).whys[id]).toMatchObject({
      evidence: 'Invoice #12',
      links: ['https://crm.example.com/1'],
    });
  });

  it('2 -> 3: turns stop reasons and action texts into shared texts that merge typing', () => {
    const doc = version2Fixture();
    const before = readAnalysis(doc);
    expect(before.whys['oldwhy000001']!.stopReason).toBe('The audit covers the rest');
    expect(migrateDocument(doc, server)).toEqual({ ok: true, from: 2, to: SCHEMA_VERSION });
    const after = readAnalysis(doc);
    expect(after.whys['oldwhy000001']).toEqual({ ...before.whys['oldwhy000001'] });
    expect(after.actions).toEqual(before.actions);
    expect(whyTextOf(doc, 'oldwhy000001', 'stopReason')).toBeInstanceOf(Y.Text);
    expect(actionTextOf(doc, 'oldaction001', 'description')?.toString()).toBe('Print new forms');
    expect(actionTextOf(doc, 'oldaction001', 'completionNote')?.toString()).toBe(
      'Printed and shelved',
    );

    // Two people typing in one description at once: both keep what they typed.
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(doc));
    const id = 'oldaction001' as ActionId;
    const ada = makeOrigin('local', 'Ada');
    expect(
      updateAction(doc, { actionId: id, patch: { description: 'Print new forms now' } }, ada),
    ).toEqual({ ok: true });
    const patch = { description: 'Print the new forms' };
    expect(updateAction(bob, { actionId: id, patch }, makeOrigin('local', 'Bob'))).toEqual({
      ok: true,
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(bob));
    expect(readAnalysis(doc).actions[0]!.description).toBe('Print the new forms now');
  });

  it("3 -> 4: gives whys, actions and meta the customer's version flags, off", () => {
    const doc = version2Fixture();
    migrateDocument(doc, server);
    // The document as schema 3 left it: none of the fields schema 4 brought.
    doc.transact(() => {
      metaOf(doc).raw.set('schemaVersion', 3);
      metaOf(doc).raw.delete('customerVersionOverride');
      doc.getMap<Y.Map<unknown>>('whys').get('oldwhy000001')!.delete('internal');
      const action = doc.getMap<Y.Map<unknown>>('actions').get('oldaction001')!;
      action.delete('internal');
      action.delete('ownerShareable');
    });
    expect(validateDocument(doc)).toContain('whys.oldwhy000001.internal: missing');
    expect(migrateDocument(doc, server)).toEqual({ ok: true, from: 3, to: SCHEMA_VERSION });
    expect(validateDocument(doc)).toEqual([]);
    const after = readAnalysis(doc);
    expect(after.whys['oldwhy000001']!.internal).toBe(false);
    expect(after.actions[0]).toMatchObject({ internal: false, ownerShareable: false });
    expect(after.customerVersionOverride).toBeNull();
    expect(after.customerMessage).toBe('');
  });

  it('leaves a current document alone and writes nothing', () => {
    const doc = version1Fixture();
    migrateDocument(doc, server);
    let writes = 0;
    doc.on('update', () => writes++);
    expect(migrateDocument(doc, server)).toEqual({
      ok: true,
      from: SCHEMA_VERSION,
      to: SCHEMA_VERSION,
    });
    expect(writes).toBe(0);
  });

  it('refuses a document from a newer version and leaves it untouched', () => {
    const doc = version1Fixture();
    doc.transact(() => metaOf(doc).raw.set('schemaVersion', SCHEMA_VERSION + 1));
    const state = Y.encodeStateAsUpdate(doc);
    const result = migrateDocument(doc, server);
    expect(result.ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    expect(readAnalysis(doc).fromNewerVersion).toBe(true);
  });
});
