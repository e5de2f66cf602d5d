import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addComment,
  addEvidenceLink,
  addParkingLotItem,
  addWhy,
  closeAnalysis,
  createAnalysis,
  deleteWhy,
  editEvidence,
  editLearnings,
  editProblem,
  editTitle,
  editWhyDetails,
  editWhyText,
  makeOrigin,
  moveWhy,
  readAnalysis,
  reopenAnalysis,
  SCHEMA_VERSION,
  setCategories,
  setRootCause,
  startTimer,
  updateAction,
  type WhyId,
} from './index';
import { repairTransaction } from './repairTransaction';
import { validateDocument } from './validateDocument';

const ada = makeOrigin('local', 'Ada');
const conn = { kind: 'connection' };

/** The server's document: an analysis with one why (with a link) and one action. */
function serverDoc(): { doc: Y.Doc; whyId: WhyId; actionId: string } {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Pricing', problem: 'Why are customers angry?' }, ada);
  const why = addWhy(doc, { parentId: null, text: 'Overcharged' }, ada);
  if (!why.ok) throw new Error(why.reason);
  addEvidenceLink(doc, { whyId: why.id, url: 'https://crm.example.com/1' }, ada);
  setRootCause(doc, { whyId: why.id, rootCause: true }, ada);
  const action = addAction(doc, { whyId: why.id, kind: 'corrective', description: 'Fix' }, ada);
  if (!action.ok) throw new Error(action.reason);
  return { doc, whyId: why.id, actionId: action.id };
}

/** A replica of `doc` in its current state. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

/** What the server does with a client's update: apply and repair in one transaction. */
function receive(server: Y.Doc, update: Uint8Array): string[] {
  let reasons: string[] = [];
  server.transact((tr) => {
    Y.applyUpdate(server, update, conn);
    reasons = repairTransaction(server, tr);
  }, conn);
  return reasons;
}

/**
 * A raw Yjs client writes `write` straight into its copy; the server receives it; a third replica
 * (and the writer itself) apply what the server emits. Returns the server's reasons and replicas.
 */
function hostileWrite(server: Y.Doc, write: (raw: Y.Doc) => void) {
  const raw = replicaOf(server);
  const watcher = replicaOf(server);
  const emitted: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array) => emitted.push(update);
  server.on('update', onUpdate);
  const vector = Y.encodeStateVector(raw);
  raw.transact(() => write(raw));
  const reasons = receive(server, Y.encodeStateAsUpdate(raw, vector));
  server.off('update', onUpdate);
  for (const update of emitted) {
    Y.applyUpdate(watcher, update);
    Y.applyUpdate(raw, update);
  }
  return { reasons, watcher, raw };
}

/** The server and every replica hold the same valid document. */
function expectConvergedAndValid(server: Y.Doc, ...replicas: Y.Doc[]): void {
  expect(validateDocument(server)).toEqual([]);
  for (const replica of replicas) {
    expect(validateDocument(replica)).toEqual([]);
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(server));
    expect(readAnalysis(replica)).toEqual(readAnalysis(server));
  }
}

const whyMap = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('whys').get(id)!;

describe('repairTransaction', () => {
  it('puts back a title set to a boolean', () => {
    const { doc } = serverDoc();
    const { reasons, watcher, raw } = hostileWrite(doc, (r) => r.getMap('meta').set('title', true));
    expect(readAnalysis(doc).title).toBe('Pricing');
    expect(reasons).toEqual([
      'meta.title: true where text of at most 200 characters belongs; put back the value it had before (text of 7 characters)',
    ]);
    expectConvergedAndValid(doc, watcher, raw);
  });

  it('sets the schema version back when a client makes it newer (which would lock the analysis)', () => {
    const { doc } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) =>
      r.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1),
    );
    expect(readAnalysis(watcher).fromNewerVersion).toBe(false);
    expect(readAnalysis(watcher).schemaVersion).toBe(SCHEMA_VERSION);
    expect(reasons).toEqual([
      `meta.schemaVersion: changed to the number ${SCHEMA_VERSION + 1}, which only the server may change; set back to the number ${SCHEMA_VERSION}`,
    ]);
    expectConvergedAndValid(doc, watcher);
  });

  it('puts back meta keys a client deleted, schema version included', () => {
    const { doc } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) => {
      for (const key of ['schemaVersion', 'title', 'status', 'categories'])
        r.getMap('meta').delete(key);
    });
    expect(readAnalysis(watcher)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      title: 'Pricing',
      status: 'draft',
      categories: readAnalysis(replicaOf(serverDoc().doc)).categories,
    });
    expect(reasons).toHaveLength(4);
    expect(reasons).toContain(
      'meta.title: missing; put back the value it had before (text of 7 characters)',
    );
    expectConvergedAndValid(doc, watcher);
  });

  it('deletes links that are not strings, not web links or too long', () => {
    const { doc, whyId } = serverDoc();
    const { reasons, watcher, raw } = hostileWrite(doc, (r) => {
      const links = whyMap(r, whyId).get('links') as Y.Array<unknown>;
      links.push([
        42,
        'javascript:alert(1)',
        'https://ok.example.com',
        `https://x.com/${'a'.repeat(2000)}`,
      ]);
      links.push([new Y.Map()]);
    });
    expect(readAnalysis(watcher).whys[whyId]!.links).toEqual([
      'https://crm.example.com/1',
      'https://ok.example.com',
    ]);
    expect(reasons).toEqual([
      `whys.${whyId}.links: 4 items that are not a web link (http or https) of at most 2000 characters; deleted them`,
    ]);
    expectConvergedAndValid(doc, watcher, raw);
  });

  it('replaces a number in place of a why’s text by an empty text, and keeps the why', () => {
    const { doc, whyId } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) => whyMap(r, whyId).set('text', 7));
    expect(readAnalysis(watcher).whys[whyId]).toMatchObject({ text: '', damaged: false });
    expect(reasons).toEqual([
      `whys.${whyId}.text: the number 7 where a shared text of at most 5000 characters belongs; set to an empty shared text`,
    ]);
    expectConvergedAndValid(doc, watcher);
  });

  it('makes a plain string where a shared text belongs a shared text holding it, cut to fit', () => {
    const { doc, whyId } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) =>
      whyMap(r, whyId).set('stopReason', 'x'.repeat(6000)),
    );
    expect(readAnalysis(watcher).whys[whyId]!.stopReason).toBe('x'.repeat(5000));
    expect(reasons[0]).toMatch(
      /^whys\.\w+\.stopReason: text of 6000 characters where a shared text/,
    );
    expectConvergedAndValid(doc, watcher);
  });

  it('deletes unknown keys in records and in meta', () => {
    const { doc, whyId, actionId } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) => {
      whyMap(r, whyId).set('colour', 'red');
      r.getMap<Y.Map<unknown>>('actions').get(actionId)!.set('constructor', new Y.Text('x'));
      r.getMap('meta').set('admin', true);
    });
    expect(reasons.sort()).toEqual([
      `actions.${actionId}.constructor: not a field of an action; deleted`,
      'meta.admin: not a field of an analysis; deleted',
      `whys.${whyId}.colour: not a field of a why; deleted`,
    ]);
    expectConvergedAndValid(doc, watcher);
  });

  it('deletes a string stored where a why belongs, and a why under a key that is no id', () => {
    const { doc } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) => {
      r.getMap('whys').set('garbage0001', 'not a map');
      r.getMap('whys').set('problem', new Y.Map());
      r.getMap('comments').set('abcdef123456', 12);
    });
    expect(reasons.sort()).toEqual([
      'comments.abcdef123456: the number 12 where a comment belongs; deleted',
      'whys.garbage0001: text of 9 characters where a why belongs; deleted',
      'whys.problem: not a valid id for a why; deleted',
    ]);
    expectConvergedAndValid(doc, watcher);
  });

  it('fills in a why a client added with missing and wrong fields', () => {
    const { doc } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) => {
      const why = new Y.Map<unknown>();
      why.set('text', new Y.Text('Half a why'));
      why.set('order', 'first');
      r.getMap('whys').set('halfwhy00001', why);
    });
    expect(readAnalysis(watcher).whys['halfwhy00001']).toMatchObject({
      text: 'Half a why',
      parentId: null,
      verification: 'hypothesis',
      links: [],
      damaged: false,
    });
    expect(reasons).toContain(
      'whys.halfwhy00001.order: text of 5 characters where a number belongs; set to the default (the number 0)',
    );
    expect(reasons).toContain('whys.halfwhy00001.evidence: missing; set to an empty shared text');
    expectConvergedAndValid(doc, watcher);
  });

  it('empties a root that is not part of an analysis', () => {
    const { doc } = serverDoc();
    const { reasons, watcher, raw } = hostileWrite(doc, (r) => {
      r.getMap('evil').set('payload', 'x'.repeat(1000));
      r.getArray('junk').push([1, 2, 3]);
      r.getText('notes').insert(0, 'hello');
    });
    expect(reasons.sort()).toEqual([
      '"evil": not a part of an analysis, yet written to; deleted what was written there',
      '"junk": not a part of an analysis, yet written to; deleted what was written there',
      '"notes": not a part of an analysis, yet written to; deleted what was written there',
    ]);
    expect(watcher.getMap('evil').size).toBe(0);
    expect(watcher.getArray('junk').length).toBe(0);
    expectConvergedAndValid(doc, watcher, raw);
  });

  it('cuts a 20,000-character why text, problem and learnings to their limits', () => {
    const { doc, whyId } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) => {
      (whyMap(r, whyId).get('text') as Y.Text).insert(0, 'w'.repeat(20_000));
      r.getText('problem').insert(0, 'p'.repeat(20_000));
      r.getText('learnings').insert(0, 'l'.repeat(30_000));
    });
    const snapshot = readAnalysis(watcher);
    expect(snapshot.whys[whyId]!.text).toBe('w'.repeat(5000));
    expect(snapshot.problem).toBe('p'.repeat(5000));
    expect(snapshot.learnings).toBe('l'.repeat(20_000));
    expect(reasons.sort()).toEqual([
      'learnings: 30000 characters, at most 20000; cut to 20000',
      'problem: 20024 characters, at most 5000; cut to 5000',
      `whys.${whyId}.text: 20011 characters, at most 5000; cut to 5000`,
    ]);
    expectConvergedAndValid(doc, watcher);
  });

  it('deletes formatting, embeds and shared types put inside a text', () => {
    const { doc, whyId } = serverDoc();
    const { reasons, watcher, raw } = hostileWrite(doc, (r) => {
      const text = whyMap(r, whyId).get('text') as Y.Text;
      text.insertEmbed(0, { image: 'x' });
      text.format(0, 3, { bold: true });
      text.insertEmbed(1, new Y.Map());
      r.getText('problem').insertEmbed(0, new Y.Array());
    });
    expect(reasons.sort()).toEqual([
      'problem: holds 1 piece that is not text (formatting, embeds or shared types); deleted them',
      // Two embeds, and the start and end marks of the formatting around each side of one.
      `whys.${whyId}.text: holds 6 pieces that are not text (formatting, embeds or shared types); deleted them`,
    ]);
    expect(readAnalysis(watcher).whys[whyId]!.text).toBe('Overcharged');
    expectConvergedAndValid(doc, watcher, raw);
  });

  it('deletes what a client writes into the wrong part of a root or a text', () => {
    const { doc, whyId } = serverDoc();
    // A raw client that never asked for these roots may give them any type it likes.
    const raw = new Y.Doc();
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(doc));
    const vector = Y.encodeStateVector(raw);
    raw.transact(() => {
      raw.getArray('whys').push(['listed', 1]);
      raw.getMap('problem').set('hidden', 'x'.repeat(500));
      const text = raw.getArray('whys')._map.get(whyId)!.content.getContent()[0] as Y.Map<unknown>;
      (text.get('text') as Y.Text).setAttribute('colour', 'red');
    });
    const reasons = receive(doc, Y.encodeStateAsUpdate(raw, vector));
    expect(reasons.sort()).toEqual([
      'problem: holds 1 keyed entry, which it never has; deleted them',
      `whys.${whyId}.text: holds 1 keyed entry, which it never has; deleted them`,
      'whys: holds 2 list items, which it never has; deleted them',
    ]);
    expect(validateDocument(doc)).toEqual([]);
    expect(readAnalysis(doc).whys[whyId]!.text).toBe('Overcharged');
  });

  it('puts back an action owner that is not a string and a due date that is no date', () => {
    const { doc, actionId } = serverDoc();
    const { reasons, watcher } = hostileWrite(doc, (r) => {
      const action = r.getMap<Y.Map<unknown>>('actions').get(actionId)!;
      action.set('owner', { name: 'Mallory' });
      action.set('dueDate', '2025-02-30');
      action.set('status', 'exploded');
    });
    expect(readAnalysis(watcher).actions[0]).toMatchObject({
      owner: '',
      dueDate: null,
      status: 'open',
      damaged: false,
    });
    expect(reasons).toHaveLength(3);
    expectConvergedAndValid(doc, watcher);
  });

  it('finds nothing wrong with what the commands write, and a keystroke costs no reasons', () => {
    const { doc, whyId, actionId } = serverDoc();
    const client = replicaOf(doc);
    const all: string[] = [];
    client.on('update', (update: Uint8Array) => all.push(...receive(doc, update)));
    const second = addWhy(client, { parentId: whyId, text: 'Old form' }, ada);
    if (!second.ok) throw new Error(second.reason);
    editWhyText(client, { whyId: second.id, text: 'Old price form' }, ada);
    editEvidence(client, { whyId, text: 'Invoice' }, ada);
    editWhyDetails(client, { whyId, patch: { verification: 'verified', stopReason: 'ok' } }, ada);
    addEvidenceLink(client, { whyId, url: 'https://crm.example.com/2' }, ada);
    moveWhy(client, { whyId: second.id, parentId: null }, ada);
    updateAction(
      client,
      { actionId: actionId as never, patch: { status: 'done', owner: 'Bo' } },
      ada,
    );
    addComment(client, { whyId, text: 'Check it' }, ada);
    addParkingLotItem(client, { text: 'Later' }, ada);
    editTitle(client, { title: 'Pricing, again' }, ada);
    editProblem(client, { text: 'Why are they angry?' }, ada);
    editLearnings(client, { text: 'Order forms early' }, ada);
    setCategories(client, { categories: ['People'] }, ada);
    startTimer(client, ada);
    closeAnalysis(client, { overrideReason: 'Done for now' }, ada);
    reopenAnalysis(client, ada);
    deleteWhy(client, { whyId: second.id }, ada);
    expect(all).toEqual([]);
    expectConvergedAndValid(doc, client);
  });

  it('cuts the end of a text that concurrent typing took over its limit', () => {
    const { doc, whyId } = serverDoc();
    const ann = replicaOf(doc);
    const bob = replicaOf(doc);
    editWhyText(ann, { whyId, text: 'a'.repeat(3000) }, ada);
    editWhyText(bob, { whyId, text: 'b'.repeat(3000) }, ada);
    expect(receive(doc, Y.encodeStateAsUpdate(ann))).toEqual([]);
    expect(receive(doc, Y.encodeStateAsUpdate(bob))).toEqual([
      `whys.${whyId}.text: 6000 characters, at most 5000; cut to 5000`,
    ]);
    expect(readAnalysis(doc).whys[whyId]!.text).toHaveLength(5000);
    expect(validateDocument(doc)).toEqual([]);
  });

  it('writes repairs under one client id of their own, so the server keeps its id', () => {
    const { doc } = serverDoc();
    const own = doc.clientID;
    const clientsBefore = doc.store.clients.size;
    hostileWrite(doc, (r) => r.getMap('meta').set('title', 1));
    hostileWrite(doc, (r) => r.getMap('meta').set('status', 2));
    expect(doc.clientID).toBe(own);
    // Two hostile writers and one repair client.
    expect(doc.store.clients.size).toBe(clientsBefore + 3);
  });

  it('cuts at the right place after the server itself wrote into the text by index', () => {
    const { doc, whyId } = serverDoc();
    const text = doc.getMap<Y.Map<unknown>>('whys').get(whyId)!.get('text') as Y.Text;
    // Local writes by index leave search markers in the text, which remote ones do not update.
    doc.transact(() => {
      text.insert(text.length, ' '.repeat(4000) + 'END');
      text.delete(text.length - 3, 3);
    });
    const { reasons, watcher } = hostileWrite(doc, (r) => {
      (whyMap(r, whyId).get('text') as Y.Text).insert(0, 'S'.repeat(2000));
    });
    expect(reasons).toEqual([`whys.${whyId}.text: 6011 characters, at most 5000; cut to 5000`]);
    expect(readAnalysis(watcher).whys[whyId]!.text).toBe(
      ('S'.repeat(2000) + 'Overcharged' + ' '.repeat(4000)).slice(0, 5000),
    );
    expectConvergedAndValid(doc, watcher);
  });

  it('leaves a document from a newer version as it is', () => {
    const { doc } = serverDoc();
    doc.getMap('meta').set('schemaVersion', 9);
    const { reasons } = hostileWrite(doc, (r) => r.getMap('meta').set('title', 5));
    expect(reasons).toEqual([]);
    expect(doc.getMap('meta').get('title')).toBe(5);
  });
});
