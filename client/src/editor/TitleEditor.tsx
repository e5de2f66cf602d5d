import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { LIMITS, type Result } from '@whychain/shared';
import { useArmedAfter } from '../meeting/useArmedAfter';
import { PencilIcon } from './icons';

interface TitleEditorProps {
  title: string;
  /** Saves a new title; null where the title cannot be changed (closed, not loaded): plain text. */
  onRename: ((title: string) => Result) | null;
  /**
   * A value (the status) whose change makes the title ignore clicks for a moment: the status
   * buttons beside it change then, and the rest of a double click on one may land on the title.
   */
  armKey?: unknown;
}

const EMPTY = 'The title cannot be empty.';
const CUT = `A title has at most ${LIMITS.titleLength} characters: the rest was cut.`;
/** How long a refusal stays in view after the text box has gone (a blur with an empty title). */
const LINGER_MS = 6000;

/**
 * The analysis title in the editor's header, renamed in place: a click (or Enter on it) turns it
 * into the text box "Title", which wraps like the title; Enter or leaving the box saves, Escape
 * puts the title back. An empty title is refused, and a title cut to the length limit says so.
 */
export function TitleEditor({ title, onRename, armKey = null }: TitleEditorProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** Set when the box is put away on purpose, so the blur that follows does not save again. */
  const done = useRef(false);
  /** Where the focus goes once the box has gone: back to the title after a key, else nowhere. */
  const refocus = useRef(false);
  const messageId = useId();
  const editing = draft !== null && onRename !== null;
  const armed = useArmedAfter(undefined, armKey, { armedOnMount: true });

  useEffect(() => {
    if (editing) {
      box.current?.focus();
      box.current?.select();
    } else if (refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [editing]);
  // The box grows with the title, so a long one is read whole while it is being changed too.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [editing, draft]);
  useEffect(() => {
    if (editing || !message) return;
    const timer = setTimeout(() => setMessage(null), LINGER_MS);
    return () => clearTimeout(timer);
  }, [editing, message]);

  const start = () => {
    if (!armed) return;
    done.current = false;
    setMessage(null);
    setDraft(title);
  };
  const stop = (focusTitle: boolean) => {
    done.current = true;
    refocus.current = focusTitle;
    setDraft(null);
  };
  const save = (how: 'key' | 'blur') => {
    if (done.current || draft === null || !onRename) return;
    const next = draft.trim();
    if (next === '') {
      setMessage({ text: how === 'key' ? EMPTY : `${EMPTY} It stays as it was.`, error: true });
      if (how === 'blur') stop(false);
      return;
    }
    const result = next === title ? { ok: true as const } : onRename(next);
    if (!result.ok) {
      setMessage({ text: result.reason, error: true });
      if (how === 'blur') stop(false);
      return;
    }
    setMessage(null);
    stop(how === 'key');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save('key');
    } else if (event.key === 'Escape') {
      // The box's own Escape: it must not also leave a node or close the help behind it.
      event.preventDefault();
      event.stopPropagation();
      setMessage(null);
      stop(true);
    }
  };

  const shown = title || 'Analysis';
  return (
    <div className="wc-title">
      {editing ? (
        <textarea
          ref={box}
          rows={1}
          className="wc-title__box"
          aria-label="Title"
          aria-invalid={message?.error ? true : undefined}
          aria-describedby={message ? messageId : undefined}
          dir="auto"
          value={draft}
          onChange={(event) => {
            // A title is one line: a pasted line break becomes a space.
            const value = event.target.value.replace(/\r?\n/g, ' ');
            const cut = value.length > LIMITS.titleLength;
            setDraft(cut ? value.slice(0, LIMITS.titleLength) : value);
            setMessage(cut ? { text: CUT, error: false } : null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => save('blur')}
        />
      ) : (
        <h1 className="wc-title__heading" dir="auto">
          {onRename ? (
            <button
              ref={button}
              type="button"
              className="wc-title__button"
              aria-label={`Title: ${shown}, click to rename`}
              title="Click to rename"
              onClick={start}
            >
              {shown}
              <PencilIcon />
            </button>
          ) : (
            shown
          )}
        </h1>
      )}
      {message && (
        <p
          id={messageId}
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'wc-title__message is-error' : 'wc-title__message'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
