import type { ExportInput } from '@whychain/shared';
import type { ExportFile, ExportOptions } from './exportFile';

/** The Word report: not built yet. */
export async function renderDocx(
  _input: ExportInput,
  _options: ExportOptions,
): Promise<ExportFile> {
  throw new Error('Word export is not built yet.');
}
