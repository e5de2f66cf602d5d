import { useEffect, useId, useRef, useState } from 'react';
import { useDebouncedCallback } from './useDebouncedCallback';
import { useUrlQuery } from './useUrlQuery';

/** How long typing pauses before the query goes to the URL and the server. */
export const SEARCH_DEBOUNCE_MS = 200;

/**
 * The one search box of the library. What is typed goes to the URL (`q`) 200 ms after the last
 * keystroke, so a search is one request per pause, can be shared, and survives a reload.
 */
export function SearchBox() {
  const [params, setQuery] = useUrlQuery();
  const fromUrl = params.get('q') ?? '';
  const [text, setText] = useState(fromUrl);
  const sent = useRef(fromUrl);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const publish = useDebouncedCallback((value: string) => {
    sent.current = value.trim();
    setQuery({ q: value.trim() });
  }, SEARCH_DEBOUNCE_MS);

  // Back and forward change the URL under the box: show what it says.
  useEffect(() => {
    if (fromUrl !== sent.current) {
      sent.current = fromUrl;
      publish.cancel();
      setText(fromUrl);
    }
  }, [fromUrl, publish]);

  const clear = () => {
    setText('');
    publish.call('');
    publish.flush();
    input.current?.focus();
  };

  return (
    <form
      role="search"
      className="wc-lib-search"
      onSubmit={(event) => {
        event.preventDefault();
        publish.flush();
      }}
    >
      <label htmlFor={id} className="wc-visually-hidden">
        Search
      </label>
      <svg className="wc-lib-search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      {/* type="text", not "search": the issue names it a textbox, and a searchbox is another role. */}
      <input
        ref={input}
        id={id}
        type="text"
        value={text}
        placeholder="Search cases, customers, analyses, whys and actions"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          publish.call(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text !== '') {
            event.preventDefault();
            clear();
          }
        }}
      />
      {text !== '' && (
        <button type="button" className="wc-lib-search__clear" onClick={clear}>
          Clear<span className="wc-visually-hidden"> search</span>
        </button>
      )}
    </form>
  );
}
