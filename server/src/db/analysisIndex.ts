import type { Kysely } from 'kysely';
import type { AnalysisSnapshot } from '@whychain/shared';
import type { Database } from './schema';
import { replaceEntries, type SearchEntry } from './sqlite/searchIndex';

/** What search finds of an analysis: its title and problem, each why and its evidence, each action. */
export function analysisEntries(analysisId: string, snapshot: AnalysisSnapshot): SearchEntry[] {
  const title = snapshot.title || 'Untitled analysis';
  const entries: SearchEntry[] = [
    { kind: 'analysis', id: analysisId, analysisId, title, field: 'title', body: snapshot.title },
    {
      kind: 'analysis',
      id: analysisId,
      analysisId,
      title,
      field: 'problem',
      body: snapshot.problem,
    },
  ];
  for (const id of snapshot.order) {
    const why = snapshot.whys[id]!;
    const tag = why.rootCause ? 'root' : null;
    entries.push({ kind: 'why', id, analysisId, title, field: 'text', tag, body: why.text });
    entries.push({ kind: 'why', id, analysisId, title, field: 'evidence', body: why.evidence });
  }
  for (const action of snapshot.actions) {
    entries.push({
      kind: 'action',
      id: action.id,
      analysisId,
      title,
      field: 'description',
      body: action.description,
    });
  }
  return entries;
}

export function indexAnalysis(
  db: Kysely<Database>,
  analysisId: string,
  snapshot: AnalysisSnapshot,
) {
  return replaceEntries(db, { analysisId }, analysisEntries(analysisId, snapshot));
}
