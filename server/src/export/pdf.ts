import type { ExportInput } from '@whychain/shared';
import type { ExportFile, ExportOptions } from './exportFile';

/** The PDF report (or the customer's version): not built yet. */
export async function renderPdf(_input: ExportInput, _options: ExportOptions): Promise<ExportFile> {
  throw new Error('PDF export is not built yet.');
}
