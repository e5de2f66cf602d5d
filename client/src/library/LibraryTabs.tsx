import { useRef, type KeyboardEvent } from 'react';

export const LIBRARY_TABS = [
  { id: 'analyses', name: 'Analyses' },
  { id: 'cases', name: 'Cases' },
  { id: 'customers', name: 'Customers' },
  { id: 'actions', name: 'Actions' },
] as const;
export type LibraryTab = (typeof LIBRARY_TABS)[number]['id'];

/** The tab the URL names (`?tab=cases`), Analyses when it names none or one that is unknown. */
export function tabFrom(params: URLSearchParams): LibraryTab {
  const tab = params.get('tab');
  return LIBRARY_TABS.find((known) => known.id === tab)?.id ?? 'analyses';
}

export const tabId = (tab: LibraryTab) => `wc-library-tab-${tab}`;
export const PANEL_ID = 'wc-library-panel';

/**
 * The library's tab list (WAI-ARIA tabs with automatic activation): the selected tab is the one
 * Tab stop, arrow keys, Home and End move and select.
 */
export function LibraryTabs(props: { selected: LibraryTab; onSelect: (tab: LibraryTab) => void }) {
  const buttons = useRef(new Map<LibraryTab, HTMLButtonElement>());
  const move = (event: KeyboardEvent, from: number) => {
    const last = LIBRARY_TABS.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? (from + 1) % LIBRARY_TABS.length
        : event.key === 'ArrowLeft'
          ? (from - 1 + LIBRARY_TABS.length) % LIBRARY_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    const tab = LIBRARY_TABS[to]!.id;
    props.onSelect(tab);
    buttons.current.get(tab)?.focus();
  };
  return (
    <div role="tablist" aria-label="Library" className="wc-lib-tabs">
      {LIBRARY_TABS.map((tab, index) => {
        const selected = tab.id === props.selected;
        return (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            className="wc-lib-tab"
            aria-selected={selected}
            aria-controls={selected ? PANEL_ID : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.name}
          </button>
        );
      })}
    </div>
  );
}
