import { resolve } from 'node:path';
import { consoleLogger } from './log';
import { DEFAULT_MAX_MESSAGE_BYTES, startServer } from './startServer';
import type { Durability } from './storage/DocumentStore';
import { DEFAULT_MAX_DOCUMENT_BYTES } from './sync/SyncHub';

/** Reads a positive integer from the environment, or exits with a message naming the variable. */
function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a whole number, got "${raw}".`);
    process.exit(2);
  }
  return value;
}

/** DURABILITY: relaxed (default) or strict; anything else exits with a message. */
function durabilityFromEnv(): Durability {
  const raw = process.env.DURABILITY || 'relaxed';
  if (raw !== 'relaxed' && raw !== 'strict') {
    console.error(`DURABILITY must be "relaxed" or "strict", got "${raw}".`);
    process.exit(2);
  }
  return raw;
}

const server = await startServer({
  port: intFromEnv('PORT', 8080),
  host: process.env.HOST || '127.0.0.1',
  dataDir: resolve(process.env.DATA_DIR || 'data'),
  maxMessageBytes: intFromEnv('MAX_MESSAGE_BYTES', DEFAULT_MAX_MESSAGE_BYTES),
  maxDocumentBytes: intFromEnv('MAX_DOCUMENT_BYTES', DEFAULT_MAX_DOCUMENT_BYTES),
  durability: durabilityFromEnv(),
  flushIntervalMs: intFromEnv('FLUSH_INTERVAL_MS', 100),
  seedSample: process.env.SEED_SAMPLE !== '0',
  log: consoleLogger,
});
console.log(`Whychain is running on ${server.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
