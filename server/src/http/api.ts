import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import {
  createAnalysis,
  isIdShaped,
  makeOrigin,
  newId,
  validateCreateAnalysis,
  type CreateAnalysisInput,
} from '@whychain/shared';
import type { DocumentStore } from '../storage/DocumentStore';
import type { SyncHub } from '../sync/SyncHub';
import { HttpError, readJson, sendJson } from './respond';

export interface ApiContext {
  store: DocumentStore;
  hub: SyncHub;
  bodyLimit: number;
}

const serverOrigin = makeOrigin('server', 'Whychain');

/** Creates and stores a new analysis; returns its id. */
export async function createStoredAnalysis(
  store: DocumentStore,
  input: CreateAnalysisInput,
  fill?: (doc: Y.Doc) => void,
): Promise<string> {
  const doc = new Y.Doc();
  const created = fill
    ? (fill(doc), { ok: true as const })
    : createAnalysis(doc, input, serverOrigin);
  if (!created.ok) throw new HttpError(400, created.reason);
  const id = newId<'AnalysisId'>();
  await store.create(id, Y.encodeStateAsUpdate(doc), {
    title: input.title.trim(),
    status: 'draft',
  });
  doc.destroy();
  return id;
}

/** Which analysis an /api path is about, for the access check. */
export function analysisIdOf(pathname: string): string | undefined {
  return /^\/api\/analyses\/([^/]+)$/.exec(pathname)?.[1];
}

/** The JSON API. Throws HttpError for anything the caller got wrong. */
export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (pathname === '/api/analyses') {
    if (req.method === 'GET') {
      const rows = await ctx.store.list();
      sendJson(res, 200, {
        analyses: rows.map(({ id, title, status, updatedAt }) => ({
          id,
          title,
          status,
          updatedAt,
        })),
      });
      return;
    }
    if (req.method === 'POST') {
      const body = await readJson(req, ctx.bodyLimit);
      const bad = validateCreateAnalysis(body);
      if (bad) throw new HttpError(400, bad);
      const input = body as CreateAnalysisInput;
      const id = await createStoredAnalysis(ctx.store, {
        title: input.title,
        problem: input.problem ?? '',
      });
      sendJson(res, 201, { id });
      return;
    }
    throw new HttpError(405, `${req.method} is not allowed on /api/analyses; use GET or POST.`);
  }
  const id = analysisIdOf(pathname);
  if (id !== undefined) {
    if (req.method !== 'GET') {
      throw new HttpError(405, `${req.method} is not allowed on an analysis; use GET.`);
    }
    const snapshot = isIdShaped(id) ? await ctx.hub.snapshot(id) : undefined;
    if (!snapshot) throw new HttpError(404, `No analysis with id "${id}".`);
    sendJson(res, 200, { id, ...snapshot });
    return;
  }
  throw new HttpError(404, `No API route ${req.method} ${pathname}.`);
}
