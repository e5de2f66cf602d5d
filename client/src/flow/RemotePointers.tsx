import type { CSSProperties } from 'react';
import { useStore, ViewportPortal } from '@xyflow/react';
import { sameJson, useCanvasPresence, useRemoteStates, type RemoteState } from './useRemoteStates';

interface Pointer {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly x: number;
  readonly y: number;
}

const selectPointers = (states: readonly RemoteState[]): Pointer[] =>
  states.flatMap(({ clientId, name, color, pointer }) =>
    pointer ? [{ clientId, name, color, x: pointer.x, y: pointer.y }] : [],
  );

/** The other people's mouse pointers on the canvas: coloured arrows with their names. */
export function RemotePointers() {
  const { awareness } = useCanvasPresence();
  const pointers = useRemoteStates(awareness, selectPointers, sameJson);
  // Drawn in canvas coordinates, but at the same size whatever the zoom.
  const zoom = useStore((state) => state.transform[2]);
  if (pointers.length === 0) return null;
  return (
    <ViewportPortal>
      {pointers.map((pointer) => {
        const style = {
          transform: `translate(${pointer.x}px, ${pointer.y}px) scale(${1 / zoom})`,
          '--wc-peer-color': pointer.color,
        } as CSSProperties;
        return (
          <div key={pointer.clientId} className="wc-pointer" style={style} aria-hidden="true">
            <svg width="18" height="20" viewBox="0 0 18 20">
              <path d="M1 1 L1 17 L5.5 12.8 L8.6 19 L11.4 17.7 L8.4 11.6 L14.5 11.2 Z" />
            </svg>
            <span className="wc-pointer__name">{pointer.name}</span>
          </div>
        );
      })}
    </ViewportPortal>
  );
}
