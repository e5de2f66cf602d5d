import type * as Y from 'yjs';
import { newId, type ActionId, type WhyId } from '../ids';
import type { Origin } from '../origin';
import { fail, type Result } from '../result';
import { actionsOf, makeActionMap, whyOf, type ActionKind } from '../schema';
import { whyReadOnly } from './guard';
import { badAction } from './validateAction';

export interface AddActionInput {
  /** The root cause this action removes; null for a containment action on the whole analysis. */
  whyId: WhyId | null;
  kind: ActionKind;
  description: string;
  owner?: string;
  /** ISO date (YYYY-MM-DD) or null. */
  dueDate?: string | null;
  /** Never shown to the customer (left out of the customer's version). */
  internal?: boolean;
  /** The owner's name may appear in the customer's version (else "our team"). */
  ownerShareable?: boolean;
}

/** Adds a containment, corrective or preventive action. */
export function addAction(
  doc: Y.Doc,
  input: AddActionInput,
  origin: Origin,
): Result<{ id: ActionId }> {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const bad = badAction(input);
  if (bad) return fail(bad);
  if (input.whyId !== null) {
    const why = whyOf(doc, input.whyId);
    if (!why) return fail('The why for this action no longer exists.');
    if (why.get('rootCause') !== true) {
      return fail('Corrective and preventive actions belong to a root cause; mark it first.');
    }
  } else if (input.kind !== 'containment') {
    return fail('Only containment actions can belong to the analysis as a whole.');
  }
  const id = newId<'ActionId'>();
  doc.transact(() => {
    actionsOf(doc).set(
      id,
      makeActionMap({
        whyId: input.whyId,
        kind: input.kind,
        description: input.description,
        owner: input.owner ?? '',
        dueDate: input.dueDate ?? null,
        status: 'open',
        completedAt: null,
        createdBy: origin.actor,
        createdAt: Date.now(),
        internal: input.internal ?? false,
        ownerShareable: input.ownerShareable ?? false,
      }),
    );
  }, origin);
  return { ok: true, id };
}
