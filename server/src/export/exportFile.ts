import type { CsvTable, ExportInput } from '@whychain/shared';

/** Paper sizes of the PDF report. */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** Who an export is for: the team (everything) or the customer (the customer's version). */
export const AUDIENCES = ['team', 'customer'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The choices a request makes beside the format; each renderer reads those that concern it. */
export interface ExportOptions {
  readonly table: CsvTable;
  readonly paper: Paper;
  readonly audience: Audience;
}

/** One produced file: its bytes, its content type and what follows the title's slug in its name. */
export interface ExportFile {
  readonly body: string | Buffer;
  readonly contentType: string;
  /** File name after the title's slug, extension included ("-actions.csv", ".pdf"). */
  readonly suffix: string;
}

export type ExportRenderer = (
  input: ExportInput,
  options: ExportOptions,
) => ExportFile | Promise<ExportFile>;
