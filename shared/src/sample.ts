import type * as Y from 'yjs';
import { addAction } from './commands/addAction';
import { addWhy } from './commands/addWhy';
import { createAnalysis } from './commands/createAnalysis';
import { setRootCause } from './commands/setRootCause';
import type { WhyId } from './ids';
import type { Origin } from './origin';

/** The classic book-pricing Five Whys, answer by answer, used as sample data and by tests. */
export const SAMPLE_ANALYSIS = {
  title: 'Customers overcharged for the book',
  problem: 'Why are the customers angry?',
  whys: [
    'Because they are overcharged for this book.',
    'Because the price form is incorrect.',
    "Because it is last year's form with last year's pricing.",
    'Because the new forms were not ordered.',
    'The old manager left before it was time to order them and the new manager came after they should have been ordered.',
  ],
} as const;

/** Fills an empty document with the sample analysis: the five-why chain, its root cause and actions. */
export function writeSampleAnalysis(doc: Y.Doc, origin: Origin): { rootCauseId: WhyId } {
  const created = createAnalysis(
    doc,
    { title: SAMPLE_ANALYSIS.title, problem: SAMPLE_ANALYSIS.problem },
    origin,
  );
  if (!created.ok) throw new Error(created.reason);
  return writeSampleTree(doc, origin);
}

/**
 * Writes the sample's whys, root cause and actions into an existing analysis, each through its
 * command; throws when a command refuses (the caller checks the analysis is writable first).
 */
export function writeSampleTree(doc: Y.Doc, origin: Origin): { rootCauseId: WhyId } {
  let parentId: WhyId | null = null;
  for (const text of SAMPLE_ANALYSIS.whys) {
    const added = addWhy(doc, { parentId, text }, origin);
    if (!added.ok) throw new Error(added.reason);
    parentId = added.id;
  }
  const rootCauseId = parentId!;
  setRootCause(doc, { whyId: rootCauseId, rootCause: true }, origin);
  addAction(
    doc,
    {
      whyId: null,
      kind: 'containment',
      description: 'Refund the difference to every customer charged from the old price form.',
      owner: 'Billing lead',
    },
    origin,
  );
  addAction(
    doc,
    {
      whyId: rootCauseId,
      kind: 'preventive',
      description: 'Put the yearly form order in the handover checklist for store managers.',
      owner: 'Operations manager',
    },
    origin,
  );
  return { rootCauseId };
}
