import { useEffect, useMemo, type MouseEvent } from 'react';
import { useReactFlow, useStore, useStoreApi, type OnMove, type OnMoveStart } from '@xyflow/react';
import type { EditorStore } from '../editor/createEditorStore';
import { throttle } from './throttle';
import { useCanvasPresence } from './useRemoteStates';

/** How often the pointer and the view are sent to the room at most. */
const EVERY_MS = 50;

/**
 * Tells the room where my mouse pointer is on the canvas (in canvas coordinates, so it lands on
 * the same spot on every screen) and what part of the canvas I am looking at (for "follow");
 * both are presence only, never stored. Returns the canvas's event handlers; a pan or zoom by
 * the user also stops following someone.
 */
export function usePublishPresence(store: EditorStore) {
  const { awareness } = useCanvasPresence();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const publish = useMemo(() => {
    const pointer = throttle((x: number, y: number) => {
      awareness?.setLocalStateField('pointer', { x, y });
    }, EVERY_MS);
    const viewport = throttle((x: number, y: number, zoom: number) => {
      const { width, height } = flowStore.getState();
      awareness?.setLocalStateField('viewport', { x, y, zoom, width, height });
    }, EVERY_MS);
    return { pointer, viewport };
  }, [awareness, flowStore]);

  useEffect(
    () => () => {
      publish.pointer.cancel();
      publish.viewport.cancel();
    },
    [publish],
  );

  // A canvas that changes size (the window, the side panel) changes what is in the middle of it,
  // which is what followers centre on: say so even though nothing was panned.
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    if (width === 0 || height === 0) return;
    const { x, y, zoom } = flow.getViewport();
    publish.viewport(x, y, zoom);
  }, [flow, publish, width, height]);

  return useMemo(() => {
    const onMove: OnMove = (_event, { x, y, zoom }) => publish.viewport(x, y, zoom);
    const onMoveStart: OnMoveStart = (event) => {
      // Only a move made by this user has an event; following someone moves without one.
      if (event && store.getState().followingClientId !== null) store.getState().follow(null);
    };
    const onInit = () => {
      const { x, y, zoom } = flow.getViewport();
      publish.viewport(x, y, zoom);
    };
    const onMouseMove = (event: MouseEvent) => {
      if (!awareness) return;
      const { x, y } = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      publish.pointer(Math.round(x), Math.round(y));
    };
    const onMouseLeave = () => {
      publish.pointer.cancel();
      awareness?.setLocalStateField('pointer', null);
    };
    return { onMove, onMoveStart, onInit, onMouseMove, onMouseLeave };
  }, [awareness, flow, publish, store]);
}
