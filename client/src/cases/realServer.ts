/**
 * Test helper for the component tests of cases and customers: the real server in a child process
 * (the same `server/src/main.ts` as `npm start`), on a free port with an empty data folder. A
 * child process because jsdom's URL class, which the test environment puts on the global, is not
 * the one Node's worker and file APIs accept; the page under test talks to it over real HTTP.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configure } from '@testing-library/react';
import { afterAll, beforeAll } from 'vitest';
import { createCaseApis, type CaseApis } from './caseApis';

export interface RealServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRealServer(): Promise<RealServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whychain-cases-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    // vitest runs from the repository root
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_SAMPLE: '0',
      CLIENT_DIR: join(dataDir, 'no-client'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: starts a real server before its tests and stops it after, and gives the page
 * apis that talk to it. The apis are returned at once, when the file is read, but the server's
 * address is only known once it runs, so each api is looked up on use.
 */
export function realServerApis(): CaseApis {
  // A real server in another process, on two busy cores: give its answers time.
  configure({ asyncUtilTimeout: 5_000 });
  let server: RealServer | undefined;
  let started: CaseApis | undefined;
  beforeAll(async () => {
    server = await startRealServer();
    started = createCaseApis(server.url);
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!started) throw new Error('the real server is not running yet (use the apis in a test)');
    return started;
  };
  return {
    get cases() {
      return running().cases;
    },
    get customers() {
      return running().customers;
    },
    get analyses() {
      return running().analyses;
    },
  };
}
