import type { CaseJson } from '../cases/caseJson';
import type { AnalysisSnapshot } from '../readAnalysis';

/** What every export renderer reads: one snapshot of the analysis and the cases linked to it. */
export interface ExportInput {
  readonly snapshot: AnalysisSnapshot;
  readonly cases: readonly CaseJson[];
  readonly id: string;
}

/** Letters the accent-stripping of NFD leaves alone, spelled in ASCII. */
const ASCII_OF: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  ı: 'i',
};

/** A title as a file name stem: lowercase ASCII words joined by dashes ("angry-book-customers"). */
export function exportSlug(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæœłđðþßı]/g, (c) => ASCII_OF[c]!)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'analysis';
}
