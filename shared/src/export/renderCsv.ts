import type { ExportInput } from './exportInput';

/** The tables a CSV export can hold. */
export const CSV_TABLES = ['actions', 'whys'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/*
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); a leading
 * apostrophe makes it plain text in Excel, LibreOffice and Google Sheets.
 */
const FORMULA_START = /^[=+\-@]/;

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rows(header: readonly string[], body: readonly (readonly (string | number | null)[])[]) {
  return [header, ...body].map((row) => row.map(cell).join(',') + '\r\n').join('');
}

/** One table of the analysis as RFC 4180 CSV with a header row (CRLF line ends). */
export function renderCsv(input: ExportInput, table: CsvTable): string {
  const { snapshot } = input;
  if (table === 'whys') {
    return rows(
      ['id', 'parent id', 'depth', 'text', 'root cause', 'verification', 'category'],
      snapshot.order.map((id) => {
        const w = snapshot.whys[id]!;
        return [
          w.id,
          w.parentId ?? '',
          w.depth,
          w.text,
          w.rootCause ? 'yes' : 'no',
          w.verification,
          w.category,
        ];
      }),
    );
  }
  return rows(
    ['id', 'kind', 'description', 'owner', 'due', 'status', 'root cause id', 'root cause'],
    snapshot.actions.map((a) => {
      const cause = a.whyId === null ? undefined : snapshot.whys[a.whyId];
      return [
        a.id,
        a.kind,
        a.description,
        a.owner,
        a.dueDate,
        a.status,
        a.whyId ?? '',
        cause?.text ?? '',
      ];
    }),
  );
}
