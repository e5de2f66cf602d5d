/**
 * Who caused a transaction. `local` is this user's own edit (the only kind undo tracks),
 * `remote` is an update received from the network, `server` is written by the server itself
 * (creation, samples, migrations).
 */
export type OriginKind = 'local' | 'remote' | 'server';

export interface Origin {
  readonly kind: OriginKind;
  /** Display name or account of the person behind a local edit, recorded as author. */
  readonly actor: string;
}

/** A fresh origin object; Y.UndoManager tracks origins by identity, so keep one per editing session. */
export function makeOrigin(kind: OriginKind, actor = ''): Origin {
  return Object.freeze({ kind, actor });
}
