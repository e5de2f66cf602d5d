import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { PresenceState } from '@whychain/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** Another person in the room as their awareness state announces them (never yourself). */
export interface RemoteState {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly caret: NonNullable<PresenceState['caret']> | null;
  readonly pointer: NonNullable<PresenceState['pointer']> | null;
  readonly viewport: NonNullable<PresenceState['viewport']> | null;
}

/** What the canvas needs to publish and show presence: the document and the room's awareness. */
export interface CanvasPresence {
  readonly doc: Y.Doc;
  readonly awareness: Awareness | null;
}

export const CanvasPresenceContext = createContext<CanvasPresence | null>(null);

/** The canvas's document and awareness; throws outside a `WhyCanvas`. */
export function useCanvasPresence(): CanvasPresence {
  const presence = useContext(CanvasPresenceContext);
  if (!presence) throw new Error('useCanvasPresence must be used inside <WhyCanvas>.');
  return presence;
}

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function readCaret(value: unknown): RemoteState['caret'] {
  if (!isObject(value) || typeof value.nodeId !== 'string') return null;
  return { nodeId: value.nodeId, anchor: value.anchor, head: value.head };
}

function readPointer(value: unknown): RemoteState['pointer'] {
  return isObject(value) && finite(value.x) && finite(value.y) ? { x: value.x, y: value.y } : null;
}

function readViewport(value: unknown): RemoteState['viewport'] {
  if (!isObject(value) || !finite(value.x) || !finite(value.y)) return null;
  if (!finite(value.zoom) || value.zoom <= 0) return null;
  const { x, y, zoom, width, height } = value;
  const sized = finite(width) && finite(height) && width > 0 && height > 0;
  return sized ? { x, y, zoom, width, height } : { x, y, zoom };
}

/** Every other person's awareness state, checked field by field (peers may send anything). */
export function readRemoteStates(awareness: Awareness): readonly RemoteState[] {
  const states: RemoteState[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID || !isObject(state) || !isObject(state.user)) return;
    const { name, color } = state.user;
    if (typeof name !== 'string') return;
    states.push({
      clientId,
      name,
      color: typeof color === 'string' ? color : '#868e96',
      caret: readCaret(state.caret),
      pointer: readPointer(state.pointer),
      viewport: readViewport(state.viewport),
    });
  });
  return states;
}

interface Source {
  subscribe(listener: () => void): () => void;
  get(): readonly RemoteState[];
}

const NOBODY: readonly RemoteState[] = Object.freeze([]);
const sources = new WeakMap<Awareness, Source>();

function sourceFor(awareness: Awareness): Source {
  let source = sources.get(awareness);
  if (source) return source;
  const listeners = new Set<() => void>();
  let states: readonly RemoteState[] | null = null;
  awareness.on('change', () => {
    states = null;
    for (const listener of [...listeners]) listener();
  });
  source = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => (states ??= readRemoteStates(awareness)),
  };
  sources.set(awareness, source);
  return source;
}

const noSubscription = () => () => undefined;

/**
 * A value derived from the other people's awareness states; re-renders only when `isEqual` says
 * the value changed, so that a pointer moving elsewhere does not redraw every node.
 */
export function useRemoteStates<T>(
  awareness: Awareness | null,
  select: (states: readonly RemoteState[]) => T,
  isEqual: (a: T, b: T) => boolean,
): T {
  const source = awareness ? sourceFor(awareness) : null;
  const last = useRef<{ states: readonly RemoteState[]; select: unknown; value: T } | null>(null);
  const getSnapshot = useCallback(() => {
    const states = source?.get() ?? NOBODY;
    const previous = last.current;
    if (previous && previous.states === states && previous.select === select) return previous.value;
    const value = select(states);
    if (previous && isEqual(previous.value, value)) {
      last.current = { states, select, value: previous.value };
      return previous.value;
    }
    last.current = { states, select, value };
    return value;
  }, [source, select, isEqual]);
  return useSyncExternalStore(source?.subscribe ?? noSubscription, getSnapshot);
}

/** True when both lists hold the same items in the same order, compared as JSON. */
export function sameJson<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
