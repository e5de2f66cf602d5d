import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  addWhy,
  checkIncomingUpdate,
  closeAnalysis,
  createAnalysis,
  deleteWhy,
  editLearnings,
  editProblem,
  editTitle,
  editWhyDetails,
  editWhyText,
  makeOrigin,
  metaOf,
  problemOf,
  readAnalysis,
  reopenAnalysis,
  SCHEMA_VERSION,
  submitForReview,
  type WhyId,
} from './index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');
const adaSigns = makeOrigin('local', 'Ada');
const bobSigns = makeOrigin('local', 'Bob');
const remote = makeOrigin('remote');
const server = makeOrigin('server', 'server');

const closedReason = {
  ok: false,
  reason: 'This analysis is closed; reopen it to make changes.',
};
const newerReason = {
  ok: false,
  reason: 'This analysis was saved by a newer version of Whychain; it is read-only here.',
};

/** The server's copy of an analysis with one why, and a client replica synced from it. */
function replicas({ gc = true } = {}): { host: Y.Doc; client: Y.Doc; why: WhyId } {
  const host = new Y.Doc({ gc });
  createAnalysis(host, { title: 'Angry customers', problem: 'Customers were overcharged' }, ada);
  const added = addWhy(host, { parentId: null, text: 'The till used an old price list' }, ada);
  if (!added.ok) throw new Error(added.reason);
  const client = new Y.Doc();
  pull(client, host);
  return { host, client, why: added.id };
}

/** Brings `to` up to date with `from`, as a network sync would. */
function pull(to: Y.Doc, from: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), remote);
}

/** The update `doc` emits while `run` changes it (all of them merged into one). */
function capture(doc: Y.Doc, run: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => void updates.push(update);
  doc.on('update', listener);
  try {
    run();
  } finally {
    doc.off('update', listener);
  }
  if (updates.length === 0) throw new Error('nothing changed');
  return Y.mergeUpdates(updates);
}

/** What the server does with an update: check it, and apply it only when it passes. */
function deliver(host: Y.Doc, update: Uint8Array) {
  const verdict = checkIncomingUpdate(host, update);
  if (verdict.ok) Y.applyUpdate(host, update, remote);
  return verdict;
}

function close(doc: Y.Doc): void {
  const closed = closeAnalysis(doc, { overrideReason: 'Customer needs an answer' }, adaSigns);
  if (!closed.ok) throw new Error(closed.reason);
}

/** Edits a client makes; on a closed analysis they can only come from a client that is behind. */
const edits: Array<[string, (doc: Y.Doc, why: WhyId) => unknown]> = [
  ['edits a why', (doc, why) => editWhyText(doc, { whyId: why, text: 'Old prices' }, bob)],
  ['edits the problem', (doc) => editProblem(doc, { text: 'Customers are angry' }, bob)],
  ['adds a why', (doc, why) => addWhy(doc, { parentId: why, text: 'Nobody updated it' }, bob)],
  ['deletes a why', (doc, why) => deleteWhy(doc, { whyId: why }, bob)],
  [
    'changes why details',
    (doc, why) => editWhyDetails(doc, { whyId: why, patch: { verification: 'verified' } }, bob),
  ],
  ['adds a comment', (doc, why) => addComment(doc, { whyId: why, text: 'Sure?' }, bob)],
  ['edits the learnings', (doc) => editLearnings(doc, { text: 'Own price lists' }, bob)],
  ['edits the title', (doc) => editTitle(doc, { title: 'Overcharged' }, bob)],
];

describe('checkIncomingUpdate on an open analysis', () => {
  it.each(edits)('lets through an update that %s', (_, edit) => {
    const { host, client, why } = replicas();
    const update = capture(client, () => edit(client, why));
    expect(deliver(host, update)).toEqual({ ok: true });
    expect(readAnalysis(host)).toEqual(readAnalysis(client));
  });

  it('lets through edits while the analysis is in review', () => {
    const { host, client, why } = replicas();
    submitForReview(host, adaSigns);
    pull(client, host);
    const update = capture(client, () =>
      editWhyText(client, { whyId: why, text: 'Old prices' }, bob),
    );
    expect(deliver(host, update)).toEqual({ ok: true });
    expect(readAnalysis(host).whys[why]!.text).toBe('Old prices');
  });
});

describe('checkIncomingUpdate on a closed analysis', () => {
  it.each(edits)(
    'refuses an update that %s, made by a client that had not seen the close',
    (_, edit) => {
      const { host, client, why } = replicas();
      const update = capture(client, () => edit(client, why));
      close(host);
      const before = readAnalysis(host);
      const stateBefore = Y.encodeStateVector(host);
      expect(deliver(host, update)).toEqual(closedReason);
      expect(readAnalysis(host)).toEqual(before);
      expect(Y.encodeStateVector(host)).toEqual(stateBefore);
    },
  );

  it('refuses an edit written straight into a closed replica, bypassing the commands', () => {
    const { host, client, why } = replicas();
    close(host);
    pull(client, host);
    expect(editWhyText(client, { whyId: why, text: 'x' }, bob)).toEqual(closedReason);
    const update = capture(client, () =>
      client.transact(() => problemOf(client).insert(0, 'Sneaky '), bob),
    );
    expect(deliver(host, update)).toEqual(closedReason);
    expect(readAnalysis(host).problem).toBe('Customers were overcharged');
  });

  it('refuses an edit to a why deleted before the close, even where deleted content is collected', () => {
    // The edit would show nothing, but it advances the editor's clock: a closed analysis takes
    // nothing new, whatever the server's garbage collection left of the why.
    const { host, client, why } = replicas();
    const update = capture(client, () =>
      editWhyText(client, { whyId: why, text: 'The till used an old price list!' }, bob),
    );
    deleteWhy(host, { whyId: why }, ada);
    close(host);
    const before = readAnalysis(host);
    expect(deliver(host, update)).toEqual(closedReason);
    expect(readAnalysis(host)).toEqual(before);
  });

  it('refuses it too on a replica that keeps deleted content, storing nothing new', () => {
    const { host, client, why } = replicas({ gc: false });
    const update = capture(client, () =>
      editWhyText(client, { whyId: why, text: 'The till used an old price list!' }, bob),
    );
    deleteWhy(host, { whyId: why }, ada);
    close(host);
    const stateBefore = Y.encodeStateVector(host);
    expect(deliver(host, update)).toEqual(closedReason);
    expect(Y.encodeStateVector(host)).toEqual(stateBefore);
  });

  it('lets through the full state of a client that has nothing new', () => {
    const { host, client } = replicas();
    close(host);
    pull(client, host);
    expect(deliver(host, Y.encodeStateAsUpdate(client))).toEqual({ ok: true });
    expect(readAnalysis(host).status).toBe('closed');
  });

  it('lets through an update the server has already applied', () => {
    const { host, client, why } = replicas();
    const update = capture(client, () =>
      editWhyText(client, { whyId: why, text: 'Old prices' }, bob),
    );
    expect(deliver(host, update)).toEqual({ ok: true });
    const closing = capture(host, () => close(host));
    expect(deliver(host, update)).toEqual({ ok: true });
    expect(deliver(host, closing)).toEqual({ ok: true });
    expect(readAnalysis(host)).toMatchObject({ status: 'closed' });
    expect(readAnalysis(host).whys[why]!.text).toBe('Old prices');
  });

  it('lets through an empty update', () => {
    const { host } = replicas();
    close(host);
    expect(deliver(host, Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ ok: true });
  });

  it('lets through a reopen made on a client, and edits after it', () => {
    const { host, client, why } = replicas();
    close(host);
    pull(client, host);
    const reopening = capture(client, () => {
      expect(reopenAnalysis(client, bobSigns)).toEqual({ ok: true });
    });
    expect(deliver(host, reopening)).toEqual({ ok: true });
    expect(readAnalysis(host)).toMatchObject({
      status: 'draft',
      signedOffBy: null,
      signedOffAt: null,
      closeOverride: null,
    });

    const edit = capture(client, () =>
      editWhyText(client, { whyId: why, text: 'Old prices' }, bob),
    );
    expect(deliver(host, edit)).toEqual({ ok: true });
    expect(readAnalysis(host).whys[why]!.text).toBe('Old prices');
  });

  it('takes a reopen together with edits in the same update: they land on the reopened analysis', () => {
    const { host, client, why } = replicas();
    close(host);
    pull(client, host);
    const update = capture(client, () =>
      client.transact(() => {
        reopenAnalysis(client, bobSigns);
        editWhyText(client, { whyId: why, text: 'Changed while reopening' }, bob);
      }, bob),
    );
    expect(deliver(host, update)).toEqual({ ok: true });
    expect(readAnalysis(host)).toMatchObject({ status: 'draft', signedOffBy: null });
    expect(readAnalysis(host).whys[why]!.text).toBe('Changed while reopening');
  });

  it('refuses a change of the sign-off that leaves the analysis closed', () => {
    const { host, client } = replicas();
    close(host);
    pull(client, host);
    const update = capture(client, () =>
      client.transact(() => metaOf(client).set('signedOffBy', 'Mallory'), bob),
    );
    expect(deliver(host, update)).toEqual(closedReason);
    expect(readAnalysis(host).signedOffBy).toBe('Ada');
  });

  it('refuses an update that depends on an edit the server has not seen', () => {
    const { host, client, why } = replicas();
    close(host);
    capture(client, () => editWhyText(client, { whyId: why, text: 'A' }, bob));
    // Only inserts, after an edit the server never got: nothing of it can be applied yet.
    const second = capture(client, () => editWhyText(client, { whyId: why, text: 'AB' }, bob));
    const stateBefore = Y.encodeStateVector(host);
    expect(deliver(host, second)).toEqual(closedReason);
    expect(Y.encodeStateVector(host)).toEqual(stateBefore);
    expect(readAnalysis(host).whys[why]!.text).toBe('The till used an old price list');
  });

  it('takes edits kept while closed once they come with their author reopening it', () => {
    const { host, client, why } = replicas();
    close(host);
    // The client edited offline before it saw the close; the server never took that edit.
    const edit = capture(client, () =>
      editWhyText(client, { whyId: why, text: 'Old prices' }, bob),
    );
    pull(client, host);
    expect(deliver(host, edit)).toEqual(closedReason);
    // The reopen alone cannot be applied without the edit before it...
    const reopening = capture(client, () => reopenAnalysis(client, bobSigns));
    expect(deliver(host, reopening)).toEqual(closedReason);
    expect(readAnalysis(host)).toMatchObject({ status: 'closed', signedOffBy: 'Ada' });
    // ...so the client sends everything the server lacks, as it does when it retries.
    const both = Y.encodeStateAsUpdate(client, Y.encodeStateVector(host));
    expect(deliver(host, both)).toEqual({ ok: true });
    expect(readAnalysis(host)).toMatchObject({ status: 'draft', signedOffBy: null });
    expect(readAnalysis(host).whys[why]!.text).toBe('Old prices');
  });
});

describe('checkIncomingUpdate on a document from a newer version', () => {
  function newer() {
    const r = replicas();
    r.host.transact(() => metaOf(r.host).set('schemaVersion', SCHEMA_VERSION + 1), server);
    pull(r.client, r.host);
    return r;
  }

  it.each(edits)('refuses an update that %s', (_, edit) => {
    const { host, client, why } = replicas();
    const update = capture(client, () => edit(client, why));
    host.transact(() => metaOf(host).set('schemaVersion', SCHEMA_VERSION + 1), server);
    const before = readAnalysis(host);
    expect(deliver(host, update)).toEqual(newerReason);
    expect(readAnalysis(host)).toEqual(before);
  });

  it('refuses a change of status, even one that looks like a reopen', () => {
    const { host, client } = newer();
    const update = capture(client, () =>
      client.transact(() => {
        metaOf(client).set('status', 'draft');
        metaOf(client).set('signedOffBy', null);
      }, bob),
    );
    expect(deliver(host, update)).toEqual(newerReason);
  });

  it('lets through an update that changes nothing', () => {
    const { host, client } = newer();
    expect(deliver(host, Y.encodeStateAsUpdate(client))).toEqual({ ok: true });
    expect(readAnalysis(host).schemaVersion).toBe(SCHEMA_VERSION + 1);
  });
});
