import { isOverdue, type ActionListItem, type AnalysisSnapshot } from '@whychain/shared';
import type { Db } from './customers';
import { decodeCursor, encodeCursor } from './cursor';

/** Replaces the stored actions of one analysis with those of its document. */
export async function replaceActions(
  db: Db,
  analysisId: string,
  snapshot: AnalysisSnapshot,
): Promise<void> {
  await db.deleteFrom('analysis_actions').where('analysis_id', '=', analysisId).execute();
  if (snapshot.actions.length === 0) return;
  await db
    .insertInto('analysis_actions')
    .values(
      snapshot.actions.map((action) => ({
        id: action.id,
        analysis_id: analysisId,
        why_id: action.whyId,
        why_text: action.whyId ? (snapshot.whys[action.whyId]?.text ?? '') : '',
        kind: action.kind,
        description: action.description,
        owner: action.owner.trim(),
        due_date: action.dueDate,
        status: action.status,
      })),
    )
    .execute();
}

/** Actions across analyses: soonest due first (undated last), then by analysis and id. */
export async function listActions(
  db: Db,
  filters: {
    status?: string;
    owner?: string;
    overdue?: boolean;
    today: string;
    limit: number;
    cursor?: string;
  },
): Promise<{ actions: ActionListItem[]; nextCursor: string | null } | { badCursor: true }> {
  // Undated actions sort after every date.
  const LAST = '9999-99-99';
  let query = db
    .selectFrom('analysis_actions as a')
    .innerJoin('documents as d', 'd.id', 'a.analysis_id')
    .select([
      'a.id as id',
      'a.analysis_id as analysisId',
      'd.title as analysisTitle',
      'a.why_id as whyId',
      'a.why_text as whyText',
      'a.kind as kind',
      'a.description as description',
      'a.owner as owner',
      'a.due_date as dueDate',
      'a.status as status',
    ])
    .select((eb) => eb.fn.coalesce('a.due_date', eb.val(LAST)).as('sortKey'));
  if (filters.status) query = query.where('a.status', '=', filters.status);
  if (filters.owner)
    query = query.where((eb) => eb(eb.fn('lower', ['a.owner']), '=', filters.owner!.toLowerCase()));
  if (filters.overdue) {
    query = query
      .where('a.status', 'not in', ['done', 'cancelled'])
      .where('a.due_date', 'is not', null)
      .where('a.due_date', '<', filters.today);
  }
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    if (!cursor) return { badCursor: true };
    const key = `${cursor.id}`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn.coalesce('a.due_date', eb.val(LAST)), '>', String(cursor.v)),
        eb.and([
          eb(eb.fn.coalesce('a.due_date', eb.val(LAST)), '=', String(cursor.v)),
          eb(eb.fn('concat', ['a.analysis_id', eb.val(':'), 'a.id']), '>', key),
        ]),
      ]),
    );
  }
  const rows = await query
    .orderBy('sortKey')
    .orderBy('a.analysis_id')
    .orderBy('a.id')
    .limit(filters.limit + 1)
    .execute();
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    actions: page.map(({ sortKey: _sortKey, ...row }) => ({
      ...row,
      overdue: isOverdue(row, filters.today),
    })),
    nextCursor:
      rows.length > filters.limit && last
        ? encodeCursor({ v: String(last.sortKey), id: `${last.analysisId}:${last.id}` })
        : null,
  };
}
