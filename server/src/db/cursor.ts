import { sql, type RawBuilder } from 'kysely';

/**
 * Keyset paging: a cursor names the last row of a page by its sort value and id, so the next page
 * starts right after it however many rows were added meanwhile. Opaque to clients (base64url JSON).
 */
export interface Cursor {
  /** The sort column's value of the last row. */
  v: string | number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor, or null when the text is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (
      value &&
      typeof value.id === 'string' &&
      (typeof value.v === 'string' || typeof value.v === 'number')
    ) {
      return value;
    }
  } catch {
    // not ours
  }
  return null;
}

/**
 * Rows after the cursor in a list sorted by `column` then `idColumn` (both descending or both
 * ascending): a row-value comparison, which SQLite and PostgreSQL both read.
 */
export function afterCursor(
  column: string,
  idColumn: string,
  cursor: Cursor,
  descending: boolean,
): RawBuilder<boolean> {
  const op = sql.raw(descending ? '<' : '>');
  return sql<boolean>`(${sql.ref(column)}, ${sql.ref(idColumn)}) ${op} (${cursor.v}, ${cursor.id})`;
}
