/** The y-websocket server URL of this page's origin; the provider appends `/<analysisId>`. */
export function syncUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}
