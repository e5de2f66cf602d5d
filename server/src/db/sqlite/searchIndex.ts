import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Full-text search with SQLite's FTS5: the one module of SQLite-only SQL on the relational side
 * (a PostgreSQL version would use tsvector and replace just this file).
 *
 * One row of `search_docs` per searchable text: its owner (the analysis, case or customer whose
 * change replaces it), `kind` (case, analysis, why, action, customer), the ids to link to, the
 * title to show, the field it came from and its text; `search_index` holds its words. `tag` marks root-cause whys, which
 * "Seen before" looks among. Words match by prefix, ranked by bm25.
 */
export const SEARCH_INDEX_SQL = [
  // The entries, with an index on who owns them, so replacing an analysis's entries finds
  // them at once (an FTS table can only scan for unindexed columns).
  `CREATE TABLE search_docs (
     rowid INTEGER PRIMARY KEY,
     owner TEXT NOT NULL,
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     analysis_id TEXT,
     case_id TEXT,
     title TEXT NOT NULL,
     field TEXT NOT NULL,
     tag TEXT,
     body TEXT NOT NULL
   );
   CREATE INDEX search_docs_by_owner ON search_docs(owner);`,
  // The words of the entries, kept in step by triggers (an external-content FTS5 table).
  // `tag` is a column of its own so that "root causes only" is a term the index intersects.
  `CREATE VIRTUAL TABLE search_index USING fts5(
     body, tag, content = 'search_docs', content_rowid = 'rowid',
     tokenize = 'unicode61 remove_diacritics 2'
   );
   CREATE TRIGGER search_docs_added AFTER INSERT ON search_docs BEGIN
     INSERT INTO search_index (rowid, body, tag) VALUES (new.rowid, new.body, new.tag);
   END;
   CREATE TRIGGER search_docs_removed AFTER DELETE ON search_docs BEGIN
     INSERT INTO search_index (search_index, rowid, body, tag)
       VALUES ('delete', old.rowid, old.body, old.tag);
   END;`,
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
  const key =
    'analysisId' in owner
      ? `analysis:${owner.analysisId}`
      : 'caseId' in owner
        ? `case:${owner.caseId}`
        : `customer:${owner.customerId}`;
  await db.transaction().execute(async (tx) => {
    await sql`DELETE FROM search_docs WHERE owner = ${key}`.execute(tx);
    for (const e of entries) {
      if (!e.body.trim()) continue;
      await sql`INSERT INTO search_docs (owner, kind, id, analysis_id, case_id, title, field, tag, body)
        VALUES (${key}, ${e.kind}, ${e.id}, ${e.analysisId ?? null}, ${e.caseId ?? null}, ${e.title}, ${e.field}, ${e.tag ?? null}, ${e.body})`.execute(
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
    SELECT d.kind, d.id, d.analysis_id AS analysisId, d.case_id AS caseId, d.title, d.field,
           d.tag, d.body, snippet(search_index, 0, ${MATCH_START}, ${MATCH_END}, '…', 16) AS snippet
    FROM search_index JOIN search_docs AS d ON d.rowid = search_index.rowid
    WHERE search_index MATCH ${options.tag ? `tag : "${options.tag}" AND body : (${match})` : `body : (${match})`}
      ${options.kind ? sql`AND d.kind = ${options.kind}` : sql``}
      ${options.tag ? sql`AND d.tag = ${options.tag}` : sql``}
      ${options.notAnalysisId ? sql`AND (d.analysis_id IS NULL OR d.analysis_id != ${options.notAnalysisId})` : sql``}
    ORDER BY rank
    LIMIT ${options.limit}`.execute(db);
  return rows.rows;
}
