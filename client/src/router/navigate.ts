/** Event fired on `window` after `navigate` changes the URL (the History API has none of its own). */
export const NAVIGATE_EVENT = 'whychain:navigate';

/** Goes to `to` (a path on this site) without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
