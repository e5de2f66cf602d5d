import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
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

/** Waits until the stream has handed on what it holds, so files are not piled up in memory. */
async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain) await once(stream, 'drain');
}

/**
 * A ZIP archive of one file per id, as a stream. Files are rendered one after another, each only
 * once the reader has taken the previous ones, so memory holds about one file at a time whatever
 * the number of ids. A render that fails after the first bytes went out destroys the stream (the
 * reader sees a cut-off download rather than a wrong archive).
 */
export function streamZip(
  ids: readonly string[],
  render: (id: string) => Promise<BulkFile>,
): Readable {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable & Writable;
  const used = new Set<string>();
  const pump = async () => {
    for (const id of ids) {
      if (output.destroyed) return;
      const file = await render(id);
      const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
      zip.addBuffer(body, uniqueFileName(used, file.slug, file.suffix));
      await drained(output);
    }
    zip.end();
  };
  pump().catch((err: Error) => output.destroy(err));
  return output;
}
