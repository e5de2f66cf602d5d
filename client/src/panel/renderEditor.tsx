/**
 * Test helpers for the panel and meeting components: a real Y.Doc built with the shared commands
 * and the whole editor rendered on it, as a user would see it.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import {
  addAction,
  addWhy,
  createAnalysis,
  editLearnings,
  editWhyDetails,
  makeOrigin,
  setRootCause,
  type Result,
  type WhyId,
} from '@whychain/shared';
import { AnalysisEditor } from '../editor/AnalysisEditor';
import { createEditorStore } from '../editor/createEditorStore';

export const seed = makeOrigin('server', 'Seeder');
export const ada = { name: 'Ada', color: '#1971c2' };

/** The value of a successful result; throws with the reason otherwise. */
export function must<T extends object>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

export function newAnalysisDoc(): Y.Doc {
  const doc = new Y.Doc();
  must(createAnalysis(doc, { title: 'Angry customers', problem: 'Why are they angry?' }, seed));
  return doc;
}

/** Adds a chain of whys under the problem, one below the other; returns their ids. */
export function addChain(doc: Y.Doc, texts: readonly string[]): WhyId[] {
  const ids: WhyId[] = [];
  for (const text of texts) {
    ids.push(must(addWhy(doc, { parentId: ids.at(-1) ?? null, text }, seed)).id);
  }
  return ids;
}

/** An analysis that passes the whole checklist, built through the commands. */
export function completeAnalysis(): { doc: Y.Doc; rootCauseId: WhyId } {
  const doc = newAnalysisDoc();
  const ids = addChain(doc, ['Overcharged', 'Wrong price form', 'New forms were not ordered']);
  const rootCauseId = ids[2]!;
  must(setRootCause(doc, { whyId: rootCauseId, rootCause: true }, seed));
  must(editWhyDetails(doc, { whyId: rootCauseId, patch: { verification: 'verified' } }, seed));
  must(
    addAction(
      doc,
      {
        whyId: rootCauseId,
        kind: 'corrective',
        description: 'Order forms in the handover checklist',
        owner: 'Grace',
        dueDate: '2030-01-31',
      },
      seed,
    ),
  );
  must(editLearnings(doc, { text: 'Check the form year at every price change.' }, seed));
  return { doc, rootCauseId };
}

/** Renders the editor on `doc` as Ada, with `selectedId` selected. */
export function renderEditor(doc: Y.Doc, selectedId: string | null = null) {
  const store = createEditorStore({ selectedId });
  const user = userEvent.setup();
  const view = render(<AnalysisEditor doc={doc} connection="connected" user={ada} store={store} />);
  return { doc, store, user, view };
}
