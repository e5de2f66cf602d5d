import { Readable } from 'node:stream';
import yazl from 'yazl';

/** One rendered analysis, ready to go into the archive. */
export interface BulkFile {
  /** The title's slug, before de-duplication ("customers-overcharged"). */
  readonly slug: string;
  /** What follows the slug, extension included (".md", "-actions.csv"). */
  readonly suffix: string;
  readonly body: string | Buffer;
}

/**
 * The name of a file in the archive: `<slug><suffix>`, or `<slug>-2<suffix>`, `-3`, ... when an
 * earlier analysis of the same title took it. Records the name in `used`.
 */
export function uniqueFileName(used: Set<string>, slug: string, suffix: string): string {
  let name = `${slug}${suffix}`;
  for (let n = 2; used.has(name); n++) name = `${slug}-${n}${suffix}`;
  used.add(name);
  return name;
}

/**
 * Adds one file and resolves once the archive has taken all of it, which is only when the
 * reader keeps up: the file goes in as a stream (yazl pipes it through the compressor into the
 * archive, with back-pressure), not as a buffer (which yazl would compress and queue at once).
 * Also resolves if the archive is destroyed meanwhile (the reader went away).
 */
function addFile(zip: yazl.ZipFile, output: Readable, name: string, body: Buffer): Promise<void> {
  return new Promise((resolve) => {
    output.once('close', resolve);
    zip.addReadStreamLazy(name, (give) => {
      const source = Readable.from([body]);
      source.once('end', () => {
        output.off('close', resolve);
        resolve();
      });
      give(null, source);
    });
  });
}

/**
 * A ZIP archive of one file per id, as a stream. Files are rendered one after another, each once
 * the archive has taken the previous one, so memory holds about one file whatever the number of
 * ids, and a reader that stops reading stops the rendering. The first file is rendered before
 * the stream is returned, so a format that cannot be made fails while an error can still be
 * answered; a render that fails later destroys the stream (the reader sees a cut-off download,
 * not a wrong archive).
 */
export async function streamZip(
  ids: readonly string[],
  render: (id: string) => Promise<BulkFile>,
): Promise<Readable> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  const used = new Set<string>();
  const add = (file: BulkFile) => {
    const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
    return addFile(zip, output, uniqueFileName(used, file.slug, file.suffix), body);
  };
  const [firstId, ...rest] = ids;
  const first = firstId === undefined ? undefined : await render(firstId);
  const pump = async () => {
    if (first) await add(first);
    for (const id of rest) {
      if (output.destroyed) return;
      await add(await render(id));
    }
    zip.end();
  };
  pump().catch((err: Error) => output.destroy(err));
  return output;
}
