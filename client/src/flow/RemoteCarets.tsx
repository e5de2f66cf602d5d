import { Fragment, useCallback, type CSSProperties } from 'react';
import { caretFromShared } from '@whychain/shared';
import { sameJson, useCanvasPresence, useRemoteStates, type RemoteState } from './useRemoteStates';

interface RemoteCaret {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly head: unknown;
}

/**
 * A run of the text in the transparent copy: drawn through CSS (`content: attr(data-text)`), so
 * it takes its place in the layout but is no text of the page (not found twice, not read out).
 */
function Run({ text }: { text: string }) {
  return text ? <span className="wc-carets__run" data-text={text} /> : null;
}

/**
 * Where the other people's carets are in a node's text: thin bars in their colour, each with
 * their name. The bars sit in a transparent copy of the text laid over the real one (same font,
 * width and wrapping), so each lands exactly after the character it follows, with no measuring.
 */
export function RemoteCarets({
  nodeId,
  text,
  variant,
}: {
  nodeId: string;
  /** The text as shown, which the copy must match character for character. */
  text: string;
  /** Over a text box (`input`, which has its own padding) or over plain text. */
  variant: 'input' | 'text';
}) {
  const { doc, awareness } = useCanvasPresence();
  const select = useCallback(
    (states: readonly RemoteState[]): RemoteCaret[] =>
      states
        .filter((state) => state.caret?.nodeId === nodeId)
        .map(({ clientId, name, color, caret }) => ({ clientId, name, color, head: caret!.head })),
    [nodeId],
  );
  const carets = useRemoteStates(awareness, select, sameJson);
  const placed = carets
    .map((caret) => ({ ...caret, index: caretFromShared(doc, caret.head) }))
    .filter((caret): caret is RemoteCaret & { index: number } => caret.index !== null)
    .map((caret) => ({ ...caret, index: Math.min(caret.index, text.length) }))
    .sort((a, b) => a.index - b.index);
  if (placed.length === 0) return null;

  let from = 0;
  return (
    <div className={`wc-carets wc-carets--${variant}`} aria-hidden="true">
      {placed.map((caret) => {
        const before = text.slice(from, caret.index);
        from = caret.index;
        const style = { '--wc-caret-color': caret.color } as CSSProperties;
        return (
          <Fragment key={caret.clientId}>
            <Run text={before} />
            <span className="wc-caret" style={style} data-index={caret.index}>
              <span className="wc-caret__name">{caret.name}</span>
            </span>
          </Fragment>
        );
      })}
      <Run text={text.slice(from)} />
    </div>
  );
}
