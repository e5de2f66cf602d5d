import { sql, type Kysely } from 'kysely';
import {
  DISCOVERY_QUESTIONS,
  EMPTY_RECOVERY,
  newId,
  severityRank,
  type CaseDiscoveryItem,
  type CaseFields,
  type CaseJson,
  type CaseRecovery,
  type CaseStatus,
  type DiscoveryAnswer,
  type Severity,
  type Touchpoint,
} from '@whychain/shared';
import type { Db } from './customers';
import { afterCursor, decodeCursor, encodeCursor } from './cursor';
import { contains } from './like';
import type { CaseTable, Database } from './schema';
import { replaceEntries } from './sqlite/searchIndex';

export type { CaseFields };

type StoredDiscovery = Record<string, { answer: DiscoveryAnswer | null; note: string }>;

const iso = (ms: number) => new Date(ms).toISOString();

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function mergeDiscovery(stored: StoredDiscovery, patch: CaseFields['discovery']): StoredDiscovery {
  const next = { ...stored };
  for (const [id, answer] of Object.entries(patch ?? {})) {
    const before = next[id] ?? { answer: null, note: '' };
    next[id] = {
      answer: answer.answer !== undefined ? answer.answer : before.answer,
      note: answer.note ?? before.note,
    };
  }
  return next;
}

const isoOf = (text: string) => new Date(Date.parse(text)).toISOString();

/** Every time of the recovery steps in one form (UTC, milliseconds), as the API answers them. */
function normalizedRecovery(recovery: Partial<CaseRecovery>): Partial<CaseRecovery> {
  const out: Record<string, unknown> = {};
  for (const [step, value] of Object.entries(recovery)) {
    if (typeof value === 'string') out[step] = isoOf(value);
    else if (value && typeof value === 'object') out[step] = { ...value, at: isoOf(value.at) };
    else out[step] = value;
  }
  return out as Partial<CaseRecovery>;
}

/** The columns a write sets, from the fields given; `base` is the row before (for merges). */
function columnsOf(fields: CaseFields, base?: CaseTable): Partial<CaseTable> {
  const set: Partial<CaseTable> = {};
  if (fields.externalRef !== undefined) set.external_ref = fields.externalRef;
  if (fields.externalUrl !== undefined) set.external_url = fields.externalUrl;
  if (fields.summary !== undefined) set.summary = fields.summary.trim();
  if (fields.description !== undefined) set.description = fields.description;
  if (fields.touchpoint !== undefined) set.touchpoint = fields.touchpoint;
  if (fields.severity !== undefined) {
    set.severity = fields.severity;
    set.severity_rank = severityRank(fields.severity);
  }
  if (fields.stakes !== undefined) {
    if (fields.stakes.amount !== undefined) set.stakes_amount = fields.stakes.amount;
    if (fields.stakes.currency !== undefined) set.stakes_currency = fields.stakes.currency;
    if (fields.stakes.note !== undefined) set.stakes_note = fields.stakes.note;
  }
  if (fields.receivedAt !== undefined) set.received_at = Date.parse(fields.receivedAt);
  if (fields.owner !== undefined) set.owner = fields.owner.trim();
  if (fields.status !== undefined) set.status = fields.status;
  if (fields.recovery !== undefined) {
    const before = base ? parseJson<Partial<CaseRecovery>>(base.recovery, {}) : {};
    set.recovery = JSON.stringify({ ...before, ...normalizedRecovery(fields.recovery) });
  }
  if (fields.discovery !== undefined) {
    const before = base ? parseJson<StoredDiscovery>(base.discovery, {}) : {};
    set.discovery = JSON.stringify(mergeDiscovery(before, fields.discovery));
  }
  return set;
}

export async function insertCase(db: Db, customerId: string, fields: CaseFields): Promise<string> {
  const now = Date.now();
  const id = newId<'CaseId'>();
  const severity = fields.severity ?? 'medium';
  await db
    .insertInto('cases')
    .values({
      id,
      customer_id: customerId,
      external_ref: null,
      external_url: null,
      summary: '',
      description: '',
      touchpoint: 'other',
      severity,
      severity_rank: severityRank(severity),
      stakes_amount: null,
      stakes_currency: null,
      stakes_note: '',
      received_at: now,
      owner: '',
      status: 'open',
      recovery: '{}',
      discovery: '{}',
      ...columnsOf(fields),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function caseRow(db: Db, id: string): Promise<CaseTable | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function caseIdByRef(db: Db, externalRef: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  return row?.id;
}

export async function updateCase(
  db: Db,
  id: string,
  fields: CaseFields & { customerId?: string },
): Promise<void> {
  const base = await caseRow(db, id);
  if (!base) return;
  await db
    .updateTable('cases')
    .set({
      ...columnsOf(fields, base),
      ...(fields.customerId ? { customer_id: fields.customerId } : {}),
      updated_at: Date.now(),
    })
    .where('id', '=', id)
    .execute();
}

/** The case as the API answers it, with its customer and linked analyses. */
export async function caseJson(db: Db, id: string): Promise<CaseJson | undefined> {
  const [json] = await casesJson(db, [id]);
  return json;
}

async function casesJson(db: Db, ids: readonly string[]): Promise<CaseJson[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .innerJoin('customers', 'customers.id', 'cases.customer_id')
    .selectAll('cases')
    .select('customers.name as customer_name')
    .where('cases.id', 'in', ids)
    .execute();
  const links = await db
    .selectFrom('case_analyses')
    .select(['case_id', 'analysis_id'])
    .where('case_id', 'in', ids)
    .orderBy('linked_at')
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      toJson(
        row,
        row.customer_name,
        links.filter((l) => l.case_id === id).map((l) => l.analysis_id),
      ),
    ];
  });
}

function toJson(row: CaseTable, customerName: string, analysisIds: string[]): CaseJson {
  const discovery = parseJson<StoredDiscovery>(row.discovery, {});
  return {
    id: row.id,
    customer: { id: row.customer_id, name: customerName },
    externalRef: row.external_ref,
    externalUrl: row.external_url,
    summary: row.summary,
    description: row.description,
    touchpoint: row.touchpoint as Touchpoint,
    severity: row.severity as Severity,
    stakes: { amount: row.stakes_amount, currency: row.stakes_currency, note: row.stakes_note },
    receivedAt: iso(row.received_at),
    owner: row.owner,
    status: row.status as CaseStatus,
    recovery: { ...EMPTY_RECOVERY, ...parseJson<Partial<CaseRecovery>>(row.recovery, {}) },
    discovery: DISCOVERY_QUESTIONS.map(({ id, question }): CaseDiscoveryItem => ({
      id,
      question,
      answer: discovery[id]?.answer ?? null,
      note: discovery[id]?.note ?? '',
    })),
    analysisIds,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export const CASE_SORTS = [
  'receivedAt',
  '-receivedAt',
  'severity',
  '-severity',
  'updatedAt',
  '-updatedAt',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const SORT_COLUMNS = {
  receivedAt: 'received_at',
  severity: 'severity_rank',
  updatedAt: 'updated_at',
} as const;

export interface CaseFilters {
  customerId?: string;
  status?: CaseStatus;
  severity?: Severity;
  owner?: string;
  /** Received at or after (ISO 8601). */
  from?: string;
  /** Received at or before. */
  to?: string;
  q?: string;
  sort?: CaseSort;
  limit: number;
  cursor?: string;
}

/** A page of cases and the cursor of the next page (null on the last). */
export async function listCases(
  db: Db,
  filters: CaseFilters,
): Promise<{ cases: CaseJson[]; nextCursor: string | null } | { badCursor: true }> {
  const sort = filters.sort ?? '-receivedAt';
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  let query = db.selectFrom('cases').select(['id', column]);
  if (filters.customerId) query = query.where('customer_id', '=', filters.customerId);
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.severity) query = query.where('severity', '=', filters.severity);
  if (filters.owner) query = query.where(sql`lower(owner)`, '=', filters.owner.toLowerCase());
  if (filters.from) query = query.where('received_at', '>=', Date.parse(filters.from));
  if (filters.to) query = query.where('received_at', '<=', Date.parse(filters.to));
  if (filters.q) {
    const q = filters.q;
    query = query.where((eb) =>
      eb.or([contains('summary', q), contains('description', q), contains('external_ref', q)]),
    );
  }
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    if (!cursor) return { badCursor: true };
    query = query.where(afterCursor(column, 'id', cursor, descending));
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = (await query
    .orderBy(column, direction)
    .orderBy('id', direction)
    .limit(filters.limit + 1)
    .execute()) as unknown as Array<{ id: string } & Record<string, number>>;
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    cases: await casesJson(
      db,
      page.map((row) => row.id),
    ),
    nextCursor:
      rows.length > filters.limit && last ? encodeCursor({ v: last[column]!, id: last.id }) : null,
  };
}

export async function linkAnalysis(db: Db, caseId: string, analysisId: string): Promise<void> {
  await db
    .insertInto('case_analyses')
    .values({ case_id: caseId, analysis_id: analysisId, linked_at: Date.now() })
    .onConflict((oc) => oc.columns(['case_id', 'analysis_id']).doNothing())
    .execute();
}

export async function unlinkAnalysis(db: Db, caseId: string, analysisId: string): Promise<void> {
  await db
    .deleteFrom('case_analyses')
    .where('case_id', '=', caseId)
    .where('analysis_id', '=', analysisId)
    .execute();
}

export async function caseIdsOfAnalysis(db: Db, analysisId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_analyses')
    .select('case_id')
    .where('analysis_id', '=', analysisId)
    .orderBy('linked_at')
    .execute();
  return rows.map((row) => row.case_id);
}

/** Puts a case (its summary and description) and its customer's name in the search index. */
export async function indexCase(db: Kysely<Database>, caseId: string): Promise<void> {
  const row = await caseRow(db, caseId);
  if (!row) return;
  const title = row.summary;
  await replaceEntries(db, { caseId }, [
    { kind: 'case', id: caseId, caseId, title, field: 'summary', body: row.summary },
    { kind: 'case', id: caseId, caseId, title, field: 'description', body: row.description },
    ...(row.external_ref
      ? [
          {
            kind: 'case' as const,
            id: caseId,
            caseId,
            title,
            field: 'externalRef',
            body: row.external_ref,
          },
        ]
      : []),
  ]);
  await indexCustomer(db, row.customer_id);
}

export async function indexCustomer(db: Kysely<Database>, customerId: string): Promise<void> {
  const row = await db
    .selectFrom('customers')
    .select('name')
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!row) return;
  await replaceEntries(db, { customerId }, [
    { kind: 'customer', id: customerId, title: row.name, field: 'name', body: row.name },
  ]);
}
