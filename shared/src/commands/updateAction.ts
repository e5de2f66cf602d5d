import type * as Y from 'yjs';
import type { ActionId } from '../ids';
import type { Origin } from '../origin';
import { writeTextField } from '../replaceText';
import { fail, type Result } from '../result';
import { actionOf, actionsOf, type ActionFields, type ActionTextField } from '../schema';
import { whyReadOnly } from './guard';
import { badAction } from './validateAction';

export type ActionPatch = Partial<
  Pick<ActionFields, (typeof PATCHABLE)[number]> & Record<ActionTextField, string>
>;

const PATCHABLE = ['kind', 'owner', 'dueDate', 'status', 'internal', 'ownerShareable'] as const;
/** Changed by touching only the characters that differ, so people typing together merge. */
const TEXTS: readonly ActionTextField[] = ['description', 'completionNote'];

/** Changes some fields of an action; marking it done records when. */
export function updateAction(
  doc: Y.Doc,
  input: { actionId: ActionId; patch: ActionPatch },
  origin: Origin,
): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  const action = actionOf(doc, input.actionId);
  if (!action) return fail('This action no longer exists.');
  const bad = badAction(input.patch);
  if (bad) return fail(bad);
  const kind = input.patch.kind;
  if (kind !== undefined && kind !== 'containment' && (action.get('whyId') ?? null) === null) {
    return fail('Only containment actions can belong to the analysis as a whole.');
  }
  doc.transact(() => {
    for (const key of PATCHABLE) {
      const value = input.patch[key];
      if (value !== undefined) action.set(key, value as never);
    }
    for (const key of TEXTS) {
      const value = input.patch[key];
      if (value === undefined) continue;
      writeTextField(action, key, value);
    }
    if (input.patch.status !== undefined) {
      action.set('completedAt', input.patch.status === 'done' ? Date.now() : null);
    }
  }, origin);
  return { ok: true };
}

/** Removes an action. */
export function deleteAction(doc: Y.Doc, input: { actionId: ActionId }, origin: Origin): Result {
  const blocked = whyReadOnly(doc);
  if (blocked) return blocked;
  if (!actionOf(doc, input.actionId)) return fail('This action no longer exists.');
  doc.transact(() => actionsOf(doc).delete(input.actionId), origin);
  return { ok: true };
}
