import * as Y from 'yjs';
import {
  createAnalysis,
  makeOrigin,
  newId,
  readAnalysis,
  type CreateAnalysisInput,
} from '@whychain/shared';
import { HttpError } from '../http/errors';
import type { DocumentStore } from './DocumentStore';

const serverOrigin = makeOrigin('server', 'Whychain');

/** Creates and stores a new analysis (or one that `fill` writes); returns its id. */
export async function createStoredAnalysis(
  store: DocumentStore,
  input: CreateAnalysisInput,
  fill?: (doc: Y.Doc) => void,
): Promise<string> {
  const doc = new Y.Doc();
  const created = fill
    ? (fill(doc), { ok: true as const })
    : createAnalysis(doc, input, serverOrigin);
  if (!created.ok) throw new HttpError(400, created.reason);
  const id = newId<'AnalysisId'>();
  await store.create(id, Y.encodeStateAsUpdate(doc), {
    title: input.title.trim(),
    // What `fill` wrote may be past draft (an imported closed analysis): list it as it is.
    status: readAnalysis(doc).status,
  });
  doc.destroy();
  return id;
}
