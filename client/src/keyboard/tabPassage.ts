import { PROBLEM_ID } from '@whychain/shared';
import type { EditorStore } from '../editor/createEditorStore';
import { focusNode } from './focusNode';

/**
 * How a keyboard user gets onto the tree and off it again (WCAG 2.1.2, no keyboard trap).
 *
 * Tab answers the node one is working on: the one being typed in or selected (by a click, the
 * arrow keys, or a new why). That is the keyboard-first way a meeting builds the tree, so it
 * stays. But a node that merely got the focus because someone tabbed through the page is not
 * being worked on: there Tab moves on, past the other nodes, to what follows the tree (the zoom
 * buttons, then the side panel), as Tab leaves any composite widget such as a tree view. The way
 * out from a why being typed in: Escape leaves the text box (Tab still answers the selected why),
 * Escape again clears the selection, and then Tab moves on. F6 goes straight to the side panel
 * from anywhere in the tree, and back.
 */

/** Keys that only modify others: they neither start nor end a pass through the tree. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'Fn']);
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function isPage(target: Element): boolean {
  return target === target.ownerDocument.body || target === target.ownerDocument.documentElement;
}

/**
 * Gives the focus to the first element of `candidates` that takes it: one that is hidden (its
 * panel folded away) does not, so the next one is tried.
 */
function focusFirst(candidates: Iterable<HTMLElement>): boolean {
  for (const element of candidates) {
    if (element.tabIndex < 0 || element.closest('[hidden], [inert]')) continue;
    element.focus({ preventScroll: false });
    if (element.ownerDocument.activeElement === element) return true;
  }
  return false;
}

/** Moves the focus to the first control after the tree's nodes: the canvas's zoom buttons. */
export function focusAfterNodes(from: Element): boolean {
  const nodes =
    from.closest('.react-flow__nodes') ?? from.ownerDocument.querySelector('.react-flow__nodes');
  if (!nodes) return false;
  const after = [...from.ownerDocument.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) =>
      !nodes.contains(element) &&
      (nodes.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  return focusFirst(after);
}

/** Moves the focus into the side panel, or onto the strip that brings it back while folded. */
export function focusSidePanel(document: Document): boolean {
  const panel = document.querySelector('.wc-sidepanel:not([hidden])');
  const inPanel = panel ? [...panel.querySelectorAll<HTMLElement>(TABBABLE)] : [];
  const strip = [...document.querySelectorAll<HTMLElement>('.wc-sidepanel-strip')];
  return focusFirst([...inPanel, ...strip]);
}

/**
 * Tab and F6 on the way onto and off the tree, before the editor's other keys: true when the key
 * was used here (the caller stops it). Keeps `tabLeaves` up to date for every key.
 */
export function passTab(event: KeyboardEvent, store: EditorStore): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (!target || event.defaultPrevented || MODIFIERS.has(event.key)) return false;
  if (target.closest('[role="dialog"]')) return false;
  const ui = store.getState();
  const inTree = target.closest('.react-flow') !== null;
  const withModifier = event.ctrlKey || event.metaKey || event.altKey;

  if (event.key === 'F6' && !withModifier) {
    if (inTree || isPage(target)) return focusSidePanel(target.ownerDocument);
    if (!target.closest('.wc-editor')) return false;
    // Back to the tree, to the node one was on: Tab answers it again.
    ui.setTabLeaves(false);
    focusNode(ui.selectedId ?? PROBLEM_ID);
    return true;
  }
  if (event.key !== 'Tab' || withModifier) {
    // Escape sets it itself (see runCanvasKey); any other key is work on what has the focus.
    if (event.key !== 'Escape' && ui.tabLeaves) ui.setTabLeaves(false);
    return false;
  }
  if (!inTree) {
    // Tabbing through the page: wherever the focus lands next, it is only passing through.
    if (!isPage(target)) ui.setTabLeaves(true);
    return false;
  }
  if (!ui.tabLeaves || event.shiftKey) return false;
  const node = target.closest('.react-flow__node');
  // The canvas's own buttons pass Tab on by themselves.
  if (!node) return false;
  return focusAfterNodes(node);
}
