/** The pages of the app, as found from a URL path. */
export type Route =
  { name: 'library' } | { name: 'editor'; analysisId: string } | { name: 'notFound' };

/** Which page a path shows: `/` the library, `/a/:analysisId` the editor. */
export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'library' };
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
