/** One line of the keyboard help: the keys (alternatives separated) and what they do. */
export interface Shortcut {
  readonly id: string;
  /** Each entry is one way to press it, keys joined by "+", e.g. "Ctrl+Shift+Z". */
  readonly keys: readonly string[];
  readonly label: string;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly Shortcut[];
}

/** Every keyboard shortcut of the editor, as the help overlay lists them. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Build the tree',
    shortcuts: [
      {
        id: 'addChild',
        keys: ['Tab', 'Ctrl+Enter'],
        label: 'Answer the selected node with a new why',
      },
      { id: 'addSibling', keys: ['Enter'], label: 'Add a why next to the selected one' },
      { id: 'newline', keys: ['Shift+Enter'], label: 'New line inside a text box' },
      { id: 'edit', keys: ['F2'], label: 'Type in the selected node' },
      {
        id: 'stopEditing',
        keys: ['Esc'],
        label: 'Leave the text box (the why stays selected); again: clear the selection',
      },
      {
        id: 'delete',
        keys: ['Delete', 'Backspace'],
        label: 'Delete the selected why and everything below it (not while typing)',
      },
    ],
  },
  {
    title: 'Move around (not while typing)',
    shortcuts: [
      { id: 'parent', keys: ['↑'], label: 'Select the node it answers' },
      { id: 'firstChild', keys: ['↓'], label: 'Select its first answer' },
      { id: 'siblings', keys: ['←', '→'], label: 'Select the previous or next why beside it' },
    ],
  },
  {
    // Tab answers only the node one works on (see tabPassage.ts): this is the way off the tree.
    title: 'Leave the tree',
    shortcuts: [
      {
        id: 'leave',
        keys: ['Tab'],
        label:
          'With nothing selected (Esc clears it) or on a node reached by tabbing: move on to the zoom buttons and the side panel',
      },
      { id: 'panes', keys: ['F6'], label: 'Go to the side panel, and back to the tree' },
    ],
  },
  {
    title: 'In front of the room (not while typing)',
    shortcuts: [
      {
        id: 'presentation',
        keys: ['P'],
        label: 'Presentation mode: large text, side panel folded away (P again leaves it)',
      },
    ],
  },
  {
    title: 'History and help',
    shortcuts: [
      { id: 'undo', keys: ['Ctrl+Z'], label: 'Undo your last change (never a colleague’s)' },
      { id: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], label: 'Redo' },
      { id: 'help', keys: ['?'], label: 'Show this list' },
    ],
  },
];
