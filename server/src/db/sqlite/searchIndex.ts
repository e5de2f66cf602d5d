import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Full-text search with SQLite's FTS5: the one module of SQLite-only SQL on the relational side
 * (a PostgreSQL version would use tsvector and replace just this file).
 *
 * One row per searchable text: `kind` (case, analysis, why, action, customer), the ids to link
 * to, the title to show, the field it came from and its text. `tag` marks root-cause whys, which
 * "Seen before" looks among. Words match by prefix, ranked by bm25.
 */
export const SEARCH_INDEX_SQL = [
  `CREATE VIRTUAL TABLE search_index USING fts5(
     kind UNINDEXED, id UNINDEXED, analysis_id UNINDEXED, case_id UNINDEXED,
     title UNINDEXED, field UNINDEXED, tag UNINDEXED, body,
     tokenize = 'unicode61 remove_diacritics 2'
   )`,
];

export interface SearchEntry {
  kind: 'case' | 'analysis' | 'why' | 'action' | 'customer';
  id: string;
  analysisId?: string | null;
  caseId?: string | null;
  title: string;
  field: string;
  tag?: string | null;
  body: string;
}

export interface SearchHit {
  kind: SearchEntry['kind'];
  id: string;
  analysisId: string | null;
  caseId: string | null;
  title: string;
  field: string;
  tag: string | null;
  body: string;
  snippet: string;
}

/** Marks around a match in a snippet: control characters, never HTML. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** The words of a query as an FTS5 expression: each word quoted, matched by prefix, all of them (or any). */
export function ftsQuery(text: string, join: 'AND' | 'OR' = 'AND'): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(` ${join} `);
}

/** Replaces what the index holds for one owner (an analysis, a case or a customer). */
export async function replaceEntries(
  db: Kysely<Database>,
  owner: { analysisId: string } | { caseId: string } | { customerId: string },
  entries: readonly SearchEntry[],
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if ('analysisId' in owner) {
      await sql`DELETE FROM search_index WHERE analysis_id = ${owner.analysisId} AND kind IN ('analysis', 'why', 'action')`.execute(
        tx,
      );
    } else if ('caseId' in owner) {
      await sql`DELETE FROM search_index WHERE kind = 'case' AND id = ${owner.caseId}`.execute(tx);
    } else {
      await sql`DELETE FROM search_index WHERE kind = 'customer' AND id = ${owner.customerId}`.execute(
        tx,
      );
    }
    for (const e of entries) {
      if (!e.body.trim()) continue;
      await sql`INSERT INTO search_index (kind, id, analysis_id, case_id, title, field, tag, body)
        VALUES (${e.kind}, ${e.id}, ${e.analysisId ?? null}, ${e.caseId ?? null}, ${e.title}, ${e.field}, ${e.tag ?? null}, ${e.body})`.execute(
        tx,
      );
    }
  });
}

/** The best matches for `query`, best first. */
export async function searchIndex(
  db: Kysely<Database>,
  query: string,
  options: {
    limit: number;
    join?: 'AND' | 'OR';
    kind?: SearchEntry['kind'];
    tag?: string;
    notAnalysisId?: string;
  },
): Promise<SearchHit[]> {
  const match = ftsQuery(query, options.join);
  if (!match) return [];
  const rows = await sql<SearchHit>`
    SELECT kind, id, analysis_id AS analysisId, case_id AS caseId, title, field, tag, body,
           snippet(search_index, 7, ${MATCH_START}, ${MATCH_END}, '…', 16) AS snippet
    FROM search_index
    WHERE search_index MATCH ${`body : (${match})`}
      ${options.kind ? sql`AND kind = ${options.kind}` : sql``}
      ${options.tag ? sql`AND tag = ${options.tag}` : sql``}
      ${options.notAnalysisId ? sql`AND (analysis_id IS NULL OR analysis_id != ${options.notAnalysisId})` : sql``}
    ORDER BY rank
    LIMIT ${options.limit}`.execute(db);
  return rows.rows;
}
