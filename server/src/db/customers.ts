import type { Kysely, Transaction } from 'kysely';
import { newId } from '@whychain/shared';
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
