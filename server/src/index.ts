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
} from './storage/DocumentStore';
export { SqliteStore } from './storage/SqliteStore';
export { CLOSE } from './sync/Connection';
export { silentLogger, consoleLogger, type Logger } from './log';
