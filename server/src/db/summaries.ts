import type { AnalysisListItem, AnalysisSort, AnalysisSummary } from '@whychain/shared';
import type { Db } from './customers';
import { afterCursor, decodeCursor, encodeCursor } from './cursor';
import { contains } from './like';

/** Writes (or replaces) the summary row of an analysis. */
export async function upsertSummary(
  db: Db,
  analysisId: string,
  summary: AnalysisSummary,
): Promise<void> {
  const row = {
    title: summary.title,
    status: summary.status,
    problem: summary.problem,
    root_causes: JSON.stringify(summary.rootCauses),
    why_count: summary.whyCount,
    open_actions: summary.openActions,
    overdue_actions: summary.overdueActions,
    owners: JSON.stringify(summary.owners),
    updated_at: Date.now(),
  };
  await db
    .insertInto('analysis_summaries')
    .values({ analysis_id: analysisId, ...row })
    .onConflict((oc) => oc.column('analysis_id').doUpdateSet(row))
    .execute();
}

/** Analyses that have no summary row yet (a file from before summaries, a crash before one). */
export async function analysesWithoutSummary(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .leftJoin('analysis_summaries', 'analysis_summaries.analysis_id', 'documents.id')
    .select('documents.id')
    .where('analysis_summaries.analysis_id', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

const SORT_COLUMNS = {
  updatedAt: 'documents.updated_at',
  createdAt: 'documents.created_at',
  title: 'documents.title',
} as const;

export interface AnalysisFilters {
  status?: string;
  caseId?: string;
  customerId?: string;
  q?: string;
  /** Created at or after (ms). */
  from?: number;
  /** Created at or before (ms). */
  to?: number;
  sort?: AnalysisSort;
  limit: number;
  cursor?: string;
}

export type { AnalysisListItem };

function parseList<T>(text: string | null): T[] {
  try {
    const value = text ? (JSON.parse(text) as unknown) : [];
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** A page of analyses with their summaries, and the next page's cursor (null on the last). */
export async function listAnalyses(
  db: Db,
  filters: AnalysisFilters,
): Promise<{ analyses: AnalysisListItem[]; nextCursor: string | null } | { badCursor: true }> {
  const sort = filters.sort ?? '-updatedAt';
  const descending = sort.startsWith('-');
  const key = sort.replace('-', '') as keyof typeof SORT_COLUMNS;
  const column = SORT_COLUMNS[key];
  let query = db
    .selectFrom('documents')
    .leftJoin('analysis_summaries as s', 's.analysis_id', 'documents.id')
    .select([
      'documents.id as id',
      'documents.title as title',
      'documents.status as status',
      'documents.created_at as createdAt',
      'documents.updated_at as updatedAt',
      's.problem as problem',
      's.root_causes as rootCauses',
      's.why_count as whyCount',
      's.open_actions as openActions',
      's.overdue_actions as overdueActions',
      's.owners as owners',
    ]);
  if (filters.status) query = query.where('documents.status', '=', filters.status);
  if (filters.caseId) {
    const caseId = filters.caseId;
    query = query.where('documents.id', 'in', (eb) =>
      eb.selectFrom('case_analyses').select('analysis_id').where('case_id', '=', caseId),
    );
  }
  if (filters.customerId) {
    const customerId = filters.customerId;
    query = query.where('documents.id', 'in', (eb) =>
      eb
        .selectFrom('case_analyses')
        .innerJoin('cases', 'cases.id', 'case_analyses.case_id')
        .select('case_analyses.analysis_id')
        .where('cases.customer_id', '=', customerId),
    );
  }
  if (filters.q) {
    const q = filters.q;
    query = query.where((eb) =>
      eb.or([
        contains('documents.title', q),
        contains('s.problem', q),
        contains('s.root_causes', q),
      ]),
    );
  }
  if (filters.from !== undefined) query = query.where('documents.created_at', '>=', filters.from);
  if (filters.to !== undefined) query = query.where('documents.created_at', '<=', filters.to);
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    if (!cursor) return { badCursor: true };
    query = query.where(afterCursor(column, 'documents.id', cursor, descending));
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await query
    .orderBy(column, direction)
    .orderBy('documents.id', direction)
    .limit(filters.limit + 1)
    .execute();
  const page = rows.slice(0, filters.limit);
  const links = page.length
    ? await db
        .selectFrom('case_analyses')
        .select(['analysis_id', 'case_id'])
        .where(
          'analysis_id',
          'in',
          page.map((row) => row.id),
        )
        .orderBy('linked_at')
        .execute()
    : [];
  const last = page[page.length - 1];
  return {
    analyses: page.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      problem: row.problem ?? '',
      rootCauses: parseList(row.rootCauses),
      whyCount: row.whyCount ?? 0,
      openActions: row.openActions ?? 0,
      overdueActions: row.overdueActions ?? 0,
      owners: parseList<string>(row.owners),
      caseIds: links.filter((l) => l.analysis_id === row.id).map((l) => l.case_id),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    })),
    nextCursor:
      rows.length > filters.limit && last
        ? encodeCursor({ v: last[key === 'title' ? 'title' : key] as string | number, id: last.id })
        : null,
  };
}
