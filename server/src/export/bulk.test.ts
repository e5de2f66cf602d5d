import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { streamZip, uniqueFileName } from './bulk';

/** The names of the entries of a ZIP archive, in order. */
function entryNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, archive) => {
      if (err) return reject(err);
      const names: string[] = [];
      archive.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        archive.readEntry();
      });
      archive.on('end', () => resolve(names));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('uniqueFileName', () => {
  it('numbers a repeated name from 2, past names already taken', () => {
    const used = new Set<string>();
    expect(uniqueFileName(used, 'late', '.md')).toBe('late.md');
    expect(uniqueFileName(used, 'late-2', '.md')).toBe('late-2.md');
    expect(uniqueFileName(used, 'late', '.md')).toBe('late-3.md');
    expect(uniqueFileName(used, 'late', '-actions.csv')).toBe('late-actions.csv');
  });
});

describe('streamZip', () => {
  it('renders the next file only once the reader has taken the previous ones', async () => {
    const rendered: string[] = [];
    const ids = Array.from({ length: 12 }, (_, n) => `a${n}`);
    const zip = await streamZip(ids, async (id) => {
      rendered.push(id);
      // Random bytes do not compress: each file is 512 KiB in the archive too.
      return { slug: 'same', suffix: '.bin', body: randomBytes(512 * 1024) };
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rendered.length).toBeLessThan(4);
    const names = await entryNames(await collect(zip));
    expect(rendered).toEqual(ids);
    expect(names).toEqual(['same.bin', ...ids.slice(1).map((_, n) => `same-${n + 2}.bin`)]);
  });

  it('fails before streaming when the first file cannot be made', async () => {
    const failing = async () => Promise.reject(new Error('PDF not built yet'));
    await expect(streamZip(['a', 'b'], failing)).rejects.toThrow('PDF not built yet');
  });

  it('cuts the stream off when a later render fails', async () => {
    const zip = await streamZip(['a', 'b'], async (id) => {
      if (id === 'b') throw new Error('renderer broke');
      return { slug: id, suffix: '.md', body: '# A\n' };
    });
    await expect(collect(zip)).rejects.toThrow('renderer broke');
  });
});
