import type { IncomingMessage } from 'node:http';

/** What someone is trying to do; every HTTP request and every sync socket is described this way. */
export interface AccessRequest {
  channel: 'http' | 'socket';
  /** The analysis concerned, when there is one. */
  analysisId?: string;
  action: 'read' | 'write' | 'create' | 'list';
  request: IncomingMessage;
}

export type AccessDecision =
  { allowed: true; canWrite: boolean } | { allowed: false; status: 401 | 403; reason: string };

/** Decides whether a request may go ahead. */
export type AccessCheck = (request: AccessRequest) => AccessDecision | Promise<AccessDecision>;

/**
 * The one access check every request and socket passes through. Until accounts arrive everyone
 * may read and write; roles, share links and read-only viewers plug in here.
 */
export const allowEveryone: AccessCheck = () => ({ allowed: true, canWrite: true });
