import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ANALYSIS } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { createAnalysisOver, startTestServer, tempDataDir } from '../fixtures/server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run export -- <args>` the way npm does, and what it printed and exited with. */
function exportCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/export.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: '' } },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}

/** The files of a folder, by name. */
function filesIn(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** `npm run export`: files for scripts, from a running server or from a data directory. */
describe('export command line', () => {
  let data: ReturnType<typeof tempDataDir>;
  let out: ReturnType<typeof tempDataDir>;
  let server: RunningServer | undefined;
  const ids: string[] = [];

  beforeAll(async () => {
    data = tempDataDir();
    out = tempDataDir();
    server = await startTestServer(data.dir, { seedSample: true });
    for (const title of ['Printer jams on Mondays', 'Late invoices']) {
      ids.push(await createAnalysisOver(server.url, { title, problem: `${title}: why?` }));
    }
  });
  afterAll(async () => {
    await server?.close();
    data.cleanup();
    out.cleanup();
  });

  it('writes the named analyses from a running server, one line per file', async () => {
    const dir = join(out.dir, 'picked');
    const run = await exportCli([...ids, '--format', 'md', '--out', dir, '--server', server!.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      join(dir, 'printer-jams-on-mondays.md'),
      join(dir, 'late-invoices.md'),
    ]);
    const single = await fetch(`${server!.url}/api/analyses/${ids[1]}/export?format=md`);
    expect(filesIn(dir).get('late-invoices.md')).toBe(await single.text());
  }, 30_000);

  it('writes every analysis with --all', async () => {
    const dir = join(out.dir, 'all-server');
    const run = await exportCli(['--all', '--format', 'md', '--out', dir, '--server', server!.url]);
    expect(run.code).toBe(0);
    expect([...filesIn(dir).keys()].sort()).toEqual([
      'customers-overcharged-for-the-book.md',
      'late-invoices.md',
      'printer-jams-on-mondays.md',
    ]);
    expect(filesIn(dir).get('customers-overcharged-for-the-book.md')).toContain(
      `# ${SAMPLE_ANALYSIS.title}\n`,
    );
  }, 30_000);

  it('exits 1 naming an unknown id or a bad format', async () => {
    const dir = join(out.dir, 'bad');
    const unknown = await exportCli([
      'nosuchanalysis42',
      '--format',
      'md',
      '--out',
      dir,
      '--server',
      server!.url,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nosuchanalysis42: No analysis with id "nosuchanalysis42".');
    const format = await exportCli([ids[0]!, '--format', 'pdfx', '--out', dir]);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain(
      '--format must be one of: pdf, docx, md, csv, json, svg, png (got "pdfx").',
    );
  }, 30_000);

  it('reads the data directory of a stopped server and writes the same files', async () => {
    await server!.close();
    server = undefined;
    const dir = join(out.dir, 'all-data');
    const run = await exportCli(['--all', '--format', 'md', '--out', dir, '--data', data.dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(filesIn(dir)).toEqual(filesIn(join(out.dir, 'all-server')));

    const csv = join(out.dir, 'csv');
    const table = await exportCli([
      ids[0]!,
      '--format',
      'csv',
      '--table',
      'whys',
      '--out',
      csv,
      '--data',
      data.dir,
    ]);
    expect(table.code).toBe(0);
    expect([...filesIn(csv).keys()]).toEqual(['printer-jams-on-mondays-whys.csv']);
  }, 30_000);
});
