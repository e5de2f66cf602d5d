import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { layoutPrintTree, renderTreeSvg, type ExportInput } from '@whychain/shared';
import type { ExportFile, ExportOptions } from './exportFile';

const requireFromHere = createRequire(import.meta.url);

/*
 * The SVG names "DejaVu Sans" and resvg is given exactly those files: no system fonts, so the
 * picture is the same on every machine (resvg would silently leave out text in a missing font).
 */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  requireFromHere.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

/** The zoom of the PNG download: twice the SVG's size. */
const PNG_ZOOM = 2;

/**
 * The most pixels one picture may have (160 MB of RGBA while drawing): a tree of thousands of
 * whys is drawn smaller rather than taking the server's memory.
 */
const MAX_PIXELS = 40_000_000;

/** `zoom`, or less when the tree at `zoom` would have more than MAX_PIXELS pixels. */
function cappedZoom(input: ExportInput, zoom: number): number {
  const { width, height } = layoutPrintTree(input.snapshot);
  const pixels = width * height * zoom * zoom;
  return pixels <= MAX_PIXELS ? zoom : zoom * Math.sqrt(MAX_PIXELS / pixels);
}

/** The why tree as PNG bytes, `zoom` times the SVG's size (less for a giant tree). */
export function treePng(input: ExportInput, zoom: number): Buffer {
  const resvg = new Resvg(renderTreeSvg(input), {
    fitTo: { mode: 'zoom', value: cappedZoom(input, zoom) },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** Width and height in pixels, read from a PNG's header chunk (IHDR). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG: no IHDR chunk where one belongs.');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The why tree as a standalone SVG. */
export function renderSvgFile(input: ExportInput, _options: ExportOptions): ExportFile {
  return {
    body: renderTreeSvg(input),
    contentType: 'image/svg+xml; charset=utf-8',
    suffix: '.svg',
  };
}

/** The why tree as PNG at twice the SVG's size. */
export async function renderPngFile(
  input: ExportInput,
  _options: ExportOptions,
): Promise<ExportFile> {
  return { body: treePng(input, PNG_ZOOM), contentType: 'image/png', suffix: '.png' };
}
