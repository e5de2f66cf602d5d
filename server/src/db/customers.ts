import type { Kysely, Transaction } from 'kysely';
import { newId } from '@whychain/shared';
import { afterCursor } from './cursor';
import { contains } from './like';
import type { Database } from './schema';

export type Db = Kysely<Database> | Transaction<Database>;

/** A name as the unique index compares it: case and surrounding space do not count. */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en');
}

export interface CustomerRow {
  id: string;
  name: string;
  externalId: string | null;
  createdAt: number;
  updatedAt: number;
}

const columns = [
  'id',
  'name',
  'external_id as externalId',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

export async function customerById(db: Db, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function customerByName(db: Db, name: string): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .select(columns)
    .where('name_key', '=', nameKey(name))
    .executeTakeFirst();
}

export async function insertCustomer(
  db: Db,
  input: { name: string; externalId?: string | null },
): Promise<CustomerRow> {
  const now = Date.now();
  const row = {
    id: newId<'CustomerId'>(),
    name: input.name.trim(),
    name_key: nameKey(input.name),
    external_id: input.externalId ?? null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('customers').values(row).execute();
  return {
    id: row.id,
    name: row.name,
    externalId: row.external_id,
    createdAt: now,
    updatedAt: now,
  };
}

/** The customer of that name (whatever its case), created when there is none. */
export async function findOrCreateCustomer(db: Db, name: string): Promise<CustomerRow> {
  return (await customerByName(db, name)) ?? insertCustomer(db, { name });
}

export async function updateCustomer(
  db: Db,
  id: string,
  patch: { name?: string; externalId?: string | null },
): Promise<void> {
  await db
    .updateTable('customers')
    .set({
      ...(patch.name !== undefined
        ? { name: patch.name.trim(), name_key: nameKey(patch.name) }
        : {}),
      ...(patch.externalId !== undefined ? { external_id: patch.externalId } : {}),
      updated_at: Date.now(),
    })
    .where('id', '=', id)
    .execute();
}

/** A customer as lists show it: its cases counted, and whether it collects many minor wounds. */
export interface CustomerListRow extends CustomerRow {
  /** The folded name: lists sort (and page) by it. */
  nameKey: string;
  caseCount: number;
  openCases: number;
  lastCaseAt: number | null;
  /** Cases received within the minor-wounds window before now. */
  recentCases: number;
}

export async function listCustomers(
  db: Db,
  options: {
    q?: string;
    /** Only this customer. */
    id?: string;
    limit: number;
    cursor?: { v: string | number; id: string };
    windowStart: number;
  },
): Promise<CustomerListRow[]> {
  let query = db
    .selectFrom('customers')
    .leftJoin('cases', 'cases.customer_id', 'customers.id')
    .select((eb) => [
      'customers.id as id',
      'customers.name as name',
      'customers.external_id as externalId',
      'customers.created_at as createdAt',
      'customers.updated_at as updatedAt',
      'customers.name_key as nameKey',
      eb.fn.count<number>('cases.id').as('caseCount'),
      eb.fn
        .sum<number>(
          eb.case().when('cases.status', 'in', ['open', 'contained']).then(1).else(0).end(),
        )
        .as('openCases'),
      eb.fn.max<number | null>('cases.received_at').as('lastCaseAt'),
      eb.fn
        .sum<number>(
          eb.case().when('cases.received_at', '>=', options.windowStart).then(1).else(0).end(),
        )
        .as('recentCases'),
    ])
    .groupBy('customers.id');
  if (options.q) query = query.where(contains('customers.name_key', nameKey(options.q)));
  if (options.id) query = query.where('customers.id', '=', options.id);
  if (options.cursor) {
    query = query.where(afterCursor('customers.name_key', 'customers.id', options.cursor, false));
  }
  const rows = await query
    .orderBy('customers.name_key')
    .orderBy('customers.id')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    externalId: row.externalId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    nameKey: row.nameKey,
    lastCaseAt: row.lastCaseAt,
    caseCount: Number(row.caseCount),
    openCases: Number(row.openCases ?? 0),
    recentCases: Number(row.recentCases ?? 0),
  }));
}
