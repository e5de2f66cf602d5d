/** The pages of the app, as found from a URL path. */
export type Route =
  | { name: 'library' }
  | { name: 'editor'; analysisId: string }
  | { name: 'insights' }
  | { name: 'cases-new' }
  | { name: 'case'; caseId: string }
  | { name: 'customer'; customerId: string }
  | { name: 'notFound' };

/** Which page a path shows: `/` the library, `/a/:analysisId` the editor. */
export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'library' };
  if (/^\/insights\/?$/.test(pathname)) return { name: 'insights' };
  if (/^\/cases\/new\/?$/.test(pathname)) return { name: 'cases-new' };
  const caseId = idAfter('/cases/', pathname);
  if (caseId !== undefined) return caseId === null ? NOT_FOUND : { name: 'case', caseId };
  const customerId = idAfter('/customers/', pathname);
  if (customerId !== undefined) {
    return customerId === null ? NOT_FOUND : { name: 'customer', customerId };
  }
  const editor = /^\/a\/([^/]+)\/?$/.exec(pathname);
  if (editor) {
    try {
      return { name: 'editor', analysisId: decodeURIComponent(editor[1]!) };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

/** The path of the editor for one analysis. */
export function editorPath(analysisId: string): string {
  return `/a/${encodeURIComponent(analysisId)}`;
}

const NOT_FOUND: Route = { name: 'notFound' };

/** The id in `<prefix><id>` (a trailing slash allowed); null when badly encoded, undefined if no match. */
function idAfter(prefix: string, pathname: string): string | null | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  const match = /^([^/]+)\/?$/.exec(pathname.slice(prefix.length));
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
