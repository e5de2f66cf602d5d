import { snippetParts } from './snippetParts';

/** A search snippet with each match in <mark>; the text is never parsed as HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="wc-lib-snippet" dir="auto">
      {snippetParts(text).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}
