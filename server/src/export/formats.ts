import {
  exportAnalysisJson,
  renderCsv,
  renderCustomerMarkdown,
  renderMarkdown,
  type ExportInput,
} from '@whychain/shared';
import { renderDocx } from './docx';
import type { ExportFile, ExportOptions, ExportRenderer } from './exportFile';
import { renderPngFile, renderSvgFile } from './image';
import { renderPdf } from './pdf';

/**
 * Every format the export routes answer, one entry each: the query's enum, the 400 listing the
 * valid ones, the bulk ZIP and the command line all read this table, so a new format is one more
 * entry (and its own file).
 */
export const EXPORT_FORMATS = {
  pdf: renderPdf,
  docx: renderDocx,
  md: (input: ExportInput, { audience }: ExportOptions): ExportFile => ({
    body: audience === 'customer' ? renderCustomerMarkdown(input) : renderMarkdown(input),
    contentType: 'text/markdown; charset=utf-8',
    suffix: audience === 'customer' ? '-for-the-customer.md' : '.md',
  }),
  csv: (input: ExportInput, { table }: ExportOptions): ExportFile => ({
    body: renderCsv(input, table),
    contentType: 'text/csv; charset=utf-8',
    suffix: `-${table}.csv`,
  }),
  json: (input: ExportInput): ExportFile => ({
    body: JSON.stringify(
      exportAnalysisJson({ ...input, caseIds: input.cases.map((found) => found.id) }),
      null,
      2,
    ),
    contentType: 'application/json; charset=utf-8',
    suffix: '.json',
  }),
  svg: renderSvgFile,
  png: renderPngFile,
} satisfies Record<string, ExportRenderer>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** The formats the customer's version comes in. */
export const CUSTOMER_FORMATS: readonly ExportFormat[] = ['pdf', 'md'];
