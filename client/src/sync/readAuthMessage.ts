import * as decoding from 'lib0/decoding';

/** Sub-types of a y-websocket auth message: y-protocols' "permission denied", and the server's "accepted again". */
export const AUTH = { permissionDenied: 0, accepted: 1 } as const;

/** What the server said in an auth message. */
export type AuthMessage =
  { readonly type: 'refused'; readonly reason: string } | { readonly type: 'accepted' };

/**
 * Reads the body of an auth message (after its message type): a refusal with the server's
 * reason, or word that changes are accepted again. Null for a sub-type this client does not know
 * or a body it cannot read, which the caller ignores as stock clients do.
 */
export function readAuthMessage(decoder: decoding.Decoder): AuthMessage | null {
  try {
    const subType = decoding.readVarUint(decoder);
    if (subType === AUTH.permissionDenied) {
      return { type: 'refused', reason: decoding.readVarString(decoder) };
    }
    if (subType === AUTH.accepted) return { type: 'accepted' };
    return null;
  } catch {
    return null;
  }
}
