import {
  closeSync,
  fdatasyncSync,
  mkdtempSync,
  openSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Samples } from './clients';

const FILE_BYTES = 1 << 20;
const PAGE_BYTES = 4096;

/**
 * Times what storing an update durably costs at least on this machine: overwriting one 4 KiB
 * page of a preallocated file in the temp dir (where our server keeps its data during the bench,
 * and like SQLite reusing its WAL) and waiting for `fdatasync`. Sampled between edits, so it sees
 * the same machine load as the edits do.
 */
export class DiskFlushProbe {
  readonly samples: Samples = { delays: [], timeouts: 0 };
  private readonly fd: number;
  private readonly page = Buffer.alloc(PAGE_BYTES, 1);
  private offset = 0;

  constructor() {
    // The file is removed at once and lives on through its descriptor: nothing is left behind
    // even when the bench is killed.
    const dir = mkdtempSync(join(tmpdir(), 'whychain-bench-flush-'));
    const file = join(dir, 'probe.bin');
    this.fd = openSync(file, 'w+');
    unlinkSync(file);
    rmSync(dir, { recursive: true, force: true });
    writeSync(this.fd, Buffer.alloc(FILE_BYTES), 0, FILE_BYTES, 0);
    fdatasyncSync(this.fd);
  }

  sample(): void {
    const start = process.hrtime.bigint();
    writeSync(this.fd, this.page, 0, PAGE_BYTES, this.offset);
    fdatasyncSync(this.fd);
    this.samples.delays.push(Number(process.hrtime.bigint() - start) / 1e6);
    this.offset = (this.offset + PAGE_BYTES) % FILE_BYTES;
  }

  close(): void {
    closeSync(this.fd);
  }
}
