export {
  startServer,
  DEFAULT_MAX_MESSAGE_BYTES,
  type RunningServer,
  type ServerOptions,
} from './startServer';
export { allowEveryone, type AccessCheck, type AccessDecision, type AccessRequest } from './access';
export type {
  DocumentStore,
  DocumentMeta,
  DocumentSummary,
  StoredDocument,
  Durability,
  AppendResult,
} from './storage/DocumentStore';
export { DEFAULT_MAX_DOCUMENT_BYTES } from './sync/SyncHub';
export { ServerMetrics } from './metrics';
export { SqliteStore } from './storage/SqliteStore';
export { CLOSE } from './sync/Connection';
export { silentLogger, consoleLogger, type Logger } from './log';
