import { useEffect, useId, useRef, useState } from 'react';
import { useDebouncedCallback } from './useDebouncedCallback';

interface Choice {
  value: string;
  label: string;
}

/** A labelled drop-down whose value lives in the URL ('' is "all"). */
export function SelectFilter(props: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="wc-lib-filter">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A labelled text filter. It answers the keyboard at once and tells the URL 200 ms after the
 * last keystroke, so typing a name sends one request, not one per letter.
 */
export function TextFilter(props: {
  label: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(props.value);
  const sent = useRef(props.value);
  const publish = useDebouncedCallback((value: string) => {
    sent.current = value.trim();
    props.onChange(value.trim());
  }, 200);
  // Back, forward or a cleared filter change the URL under us: show what it says.
  useEffect(() => {
    if (props.value !== sent.current) {
      sent.current = props.value;
      publish.cancel();
      setText(props.value);
    }
  }, [props.value, publish]);
  return (
    <div className="wc-lib-filter">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          publish.call(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') publish.flush();
        }}
      />
    </div>
  );
}

/** A labelled checkbox filter ("Overdue only"). */
export function CheckboxFilter(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="wc-lib-filter wc-lib-filter--check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {props.label}
    </label>
  );
}
