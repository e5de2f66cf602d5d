import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one GET path: the parsed request URL in, the JSON body out (or a status and body). */
export type Route = (url: URL) => unknown;

export interface ContractServer {
  baseUrl: string;
  /** Every GET request received, in order. */
  requests: URL[];
  /** The requests to one path. */
  requestsTo(path: string): URL[];
  routes: Map<string, Route>;
  close(): Promise<void>;
}

/**
 * A small real HTTP server speaking the parts of the server contract a test sets (jsdom's fetch
 * goes over the network, so the API clients under test run unchanged). Unknown paths get 404.
 */
export async function startContractServer(): Promise<ContractServer> {
  const requests: URL[] = [];
  const routes = new Map<string, Route>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://test.invalid');
    requests.push(url);
    const route = routes.get(url.pathname);
    const body = route ? route(url) : { error: 'Not found', code: 'not_found' };
    const status = !route ? 404 : body instanceof StatusBody ? body.status : 200;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body instanceof StatusBody ? body.body : body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    requestsTo: (path) => requests.filter((url) => url.pathname === path),
    routes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A route's answer with a status other than 200. */
export class StatusBody {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** Puts the page at `url` (path and query) as a reload or a shared link would. */
export function openAt(url: string): void {
  window.history.replaceState(null, '', url);
}
