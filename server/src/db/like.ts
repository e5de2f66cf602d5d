import { sql, type RawBuilder } from 'kysely';

/** `column` contains `text` (LIKE with %, _ and \ in the text taken literally). */
export function contains(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
