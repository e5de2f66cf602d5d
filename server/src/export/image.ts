import type { ExportInput } from '@whychain/shared';
import type { ExportFile, ExportOptions } from './exportFile';

/** The tree as SVG: not built yet. */
export function renderSvgFile(_input: ExportInput, _options: ExportOptions): ExportFile {
  throw new Error('SVG export is not built yet.');
}

/** The tree as PNG at 2x: not built yet. */
export async function renderPngFile(
  _input: ExportInput,
  _options: ExportOptions,
): Promise<ExportFile> {
  throw new Error('PNG export is not built yet.');
}
