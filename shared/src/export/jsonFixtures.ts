import * as Y from 'yjs';
import { addAction } from '../commands/addAction';
import { addWhy } from '../commands/addWhy';
import { addComment, resolveComment } from '../commands/comments';
import { createAnalysis } from '../commands/createAnalysis';
import { addEvidenceLink, editEvidence, editWhyDetails } from '../commands/editWhyDetails';
import {
  editCustomerMessage,
  editLearnings,
  pauseTimer,
  setBlameWords,
  setCategories,
  startTimer,
} from '../commands/meeting';
import { moveWhy } from '../commands/moveWhy';
import { addParkingLotItem } from '../commands/parkingLot';
import { setRootCause } from '../commands/setRootCause';
import { closeAnalysis } from '../commands/status';
import { updateAction } from '../commands/updateAction';
import type { WhyId } from '../ids';
import { makeOrigin } from '../origin';
import type { Result } from '../result';

/*
 * A test fixture for the JSON export (not part of the public index): a branching analysis with
 * every field of every record set away from its default, built with the shared commands.
 */

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** A closed, branching analysis: comments, parking lot, actions with every field, sign-off. */
export function everyFieldDoc(): Y.Doc {
  const doc = new Y.Doc();
  const team = makeOrigin('local', 'Zoë Müller-Łukasiewicz');
  const lead = makeOrigin('local', 'Ana São Paulo');
  ok(
    createAnalysis(
      doc,
      { title: 'Angry book customers', problem: 'Charged twice, Ærøskøbing.' },
      team,
    ),
  );
  const add = (parentId: WhyId | null, text: string) =>
    ok(addWhy(doc, { parentId, text }, team)).id;
  const twice = add(null, 'The invoice run happened twice');
  const retry = add(twice, 'The retry job did not see the first run');
  const flag = add(retry, 'The run-once flag lives in memory only');
  const bank = add(twice, 'The bank sent the file late');
  const language = add(null, 'Support answered in English');
  // Added after the others but placed first: sibling order must survive the round trip.
  const first = ok(addWhy(doc, { parentId: null, text: 'Nobody checked', index: 0 }, team)).id;
  ok(setCategories(doc, { categories: ['Process', 'Tools and systems', 'Locale'] }, team));
  ok(setBlameWords(doc, { words: ['forgot', 'sloppy'] }, team));
  ok(setRootCause(doc, { whyId: flag, rootCause: true }, team));
  ok(
    editWhyDetails(
      doc,
      { whyId: flag, patch: { verification: 'verified', category: 'Tools and systems' } },
      team,
    ),
  );
  ok(editEvidence(doc, { whyId: flag, text: 'Log line 42: "run=1, run=1"' }, team));
  ok(addEvidenceLink(doc, { whyId: flag, url: 'https://logs.example.com/run/42' }, team));
  ok(addEvidenceLink(doc, { whyId: flag, url: 'http://wiki.example.com/flag' }, team));
  ok(
    editWhyDetails(
      doc,
      { whyId: bank, patch: { verification: 'ruled_out', internal: true } },
      team,
    ),
  );
  ok(setRootCause(doc, { whyId: language, rootCause: true }, team));
  ok(
    editWhyDetails(
      doc,
      {
        whyId: language,
        patch: { assumption: true, category: 'Locale', stopReason: 'Seen in every ticket' },
      },
      team,
    ),
  );
  // A moved why carries move bookkeeping, which the import starts afresh.
  ok(moveWhy(doc, { whyId: first, parentId: language, index: 0 }, team));
  const action = ok(
    addAction(
      doc,
      {
        whyId: flag,
        kind: 'corrective',
        description: 'Persist the flag',
        owner: 'Ops',
        dueDate: '2026-12-15',
      },
      team,
    ),
  ).id;
  ok(
    updateAction(
      doc,
      { actionId: action, patch: { status: 'done', completionNote: 'Shipped in 4.2' } },
      team,
    ),
  );
  ok(
    addAction(
      doc,
      {
        whyId: null,
        kind: 'containment',
        description: 'Refund everyone',
        owner: 'Billing',
        ownerShareable: true,
      },
      team,
    ),
  );
  ok(
    addAction(
      doc,
      {
        whyId: language,
        kind: 'preventive',
        description: 'Portuguese desk',
        owner: 'Support lead',
        dueDate: '2027-01-10',
        internal: true,
      },
      team,
    ),
  );
  const comment = ok(addComment(doc, { whyId: flag, text: 'Are we sure about memory?' }, lead)).id;
  ok(resolveComment(doc, { commentId: comment, resolved: true }, team));
  ok(addComment(doc, { whyId: bank, text: 'The bank confirmed on time.' }, lead));
  ok(addParkingLotItem(doc, { text: 'Invoice template font' }, lead));
  ok(editLearnings(doc, { text: 'Check every locale before a run.\n- Not a list.' }, team));
  ok(editCustomerMessage(doc, { text: 'We are sorry: we sent the wrong language.' }, team));
  doc.transact(() => doc.getMap('meta').set('customerVersionOverride', 'Customer asked early'));
  ok(startTimer(doc, team, 1_000));
  ok(pauseTimer(doc, team, 61_000));
  ok(closeAnalysis(doc, { overrideReason: 'Customer waiting' }, lead));
  return doc;
}
