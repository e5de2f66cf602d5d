import * as Y from 'yjs';
import {
  entryProblems,
  fieldProblems,
  foreignContentProblem,
  listPartProblems,
  recordKeyProblems,
  textProblems,
  unknownRootProblems,
  type Problem,
} from './records/check';
import { valueBefore } from './records/before';
import { fieldOf, isSharedText } from './records/field';
import { MetaRecord } from './records/meta';
import { ROOT_NAMES, ROOTS, type RootName } from './records/roots';
import { describeValue } from './records/validators';
import { metaOf, rootOf, SCHEMA_VERSION } from './schema';

type SharedType = Parameters<Y.Transaction['changed']['get']>[0];

/** A changed type with the keys the transaction changed in it and where it sits. */
interface Touched {
  readonly type: SharedType;
  readonly keys: ReadonlySet<string | null>;
  readonly root: SharedType;
  /** Keys from the root down to `type` (null: a child in a list part). */
  readonly path: readonly (string | null)[];
}

/** Where a type sits: its root, the keys down to it, and whether it is still in the document. */
function locate(type: SharedType): { root: SharedType; path: (string | null)[]; alive: boolean } {
  const path: (string | null)[] = [];
  let alive = true;
  let at = type;
  while (at._item !== null) {
    if (at._item.deleted) alive = false;
    path.push(at._item.parentSub);
    at = at._item.parent as SharedType;
  }
  return { root: at, path: path.reverse(), alive };
}

/**
 * Puts every record the transaction `tr` touched back into a valid shape, inside `tr`, so the
 * update Yjs emits for it is valid and every replica converges on the same repaired state. Call it
 * in the transaction that applied a client's update:
 *
 *     doc.transact((tr) => { Y.applyUpdate(doc, update, conn); reasons = repairTransaction(doc, tr); }, conn);
 *
 * Returns what was wrong and what was done, in words; empty when nothing was wrong.
 *
 * What it does, per the declarations under `records/`: a malformed plain value is cut to fit when
 * that is obvious (a too long text, a list with some bad items), else put back to its value before
 * `tr` when that was valid (read from the map key's previous item, which `tr` has not yet garbage
 * collected), else set to its default; a missing field gets the same; a plain string where a
 * shared text belongs becomes a shared text holding it; unknown keys, records that are not maps
 * or sit under a key that is no id, links that are not web links, content other than text inside
 * a text, and whatever is written to a root that is not ours are deleted; texts and lists over
 * their limit lose their end. A client's change to the schema version is undone, to the value it
 * had before `tr` (the current version for a document this very transaction creates), and the
 * rest of a document from a newer version is left alone (`checkIncomingUpdate` refuses changes to
 * it anyway).
 *
 * It looks only at what `tr` touched (`tr.changed`, walking up from a nested type to its record
 * and root), so a keystroke costs a length check, plus one look at each client's clock to find
 * the items `tr` added (as Yjs itself does at the end of every transaction).
 */
export function repairTransaction(doc: Y.Doc, tr: Y.Transaction): string[] {
  const reasons: string[] = [];
  if (tr.changed.size === 0) return reasons;
  // Roots an update wrote to before this replica asked for them are untyped placeholders, which
  // asking for them replaces: name them first, then type them.
  const names = new Map<SharedType, RootName>();
  for (const name of ROOT_NAMES) {
    const placeholder = doc.share.get(name);
    if (placeholder) names.set(placeholder, name);
  }
  const touched: Touched[] = [];
  for (const [type, keys] of tr.changed) {
    const { root, path, alive } = locate(type);
    if (alive) touched.push({ type, keys: new Set(keys), root, path });
  }
  const touchedRoots = new Set<RootName>(['meta']);
  for (const t of touched) {
    const name = names.get(t.root);
    if (name !== undefined) touchedRoots.add(name);
  }
  for (const name of touchedRoots) names.set(rootOf(doc, name) as unknown as SharedType, name);

  const apply = (problems: readonly Problem[]) => {
    if (problems.length === 0) return;
    asRepairClient(doc, () => {
      for (const p of problems) reasons.push(`${p.where}: ${p.what}; ${p.fix(tr)}`);
    });
  };
  apply(serverOnlyProblems(doc, tr, touched, names));
  const version = metaOf(doc).get('schemaVersion');
  if (version !== undefined && version > SCHEMA_VERSION) return reasons;

  const textChanged = touched.some(
    (t) => t.type instanceof Y.Text || (t.path.length === 0 && textRoot(names.get(t.root))),
  );
  if (textChanged) apply(foreignTextProblems(doc, tr, names));
  const unknownRoots = new Set<SharedType>();
  for (const t of touched) {
    const name = names.get(t.root);
    if (name === undefined) {
      if (unknownRoots.has(t.root)) continue;
      unknownRoots.add(t.root);
      apply(unknownRootProblems(t.root, rootName(doc, t.root)));
    } else apply(touchedProblems(doc, t, name));
  }
  return reasons;
}

/** The client id each document's repairs are written under, and its clock after the last one. */
const repairClients = new WeakMap<Y.Doc, { id: number; clock: number }>();

/**
 * Runs `fn` with `doc` writing under its repair client id. Applying a client's update makes the
 * transaction remote, and a remote transaction that advances the doc's own client id makes Yjs
 * think another replica shares that id: it would warn and take a new id after every repair. One
 * separate id for all repairs of a document avoids that without growing its state vector; it is
 * replaced if anyone else ever writes under it.
 */
function asRepairClient(doc: Y.Doc, fn: () => void): void {
  let client = repairClients.get(doc);
  if (client === undefined || Y.getState(doc.store, client.id) !== client.clock) {
    const id = new Uint32Array(1);
    do globalThis.crypto.getRandomValues(id);
    while (id[0] === doc.clientID || Y.getState(doc.store, id[0]!) !== 0);
    client = { id: id[0]!, clock: 0 };
    repairClients.set(doc, client);
  }
  const own = doc.clientID;
  doc.clientID = client.id;
  try {
    fn();
  } finally {
    doc.clientID = own;
    client.clock = Y.getState(doc.store, client.id);
  }
}

/** The name under which `root` is a root of `doc`. */
function rootName(doc: Y.Doc, root: SharedType): string {
  for (const [name, type] of doc.share) if (type === root) return name;
  return '(unnamed)';
}

const textRoot = (name: RootName | undefined) => name !== undefined && ROOTS[name].kind === 'text';

/** Server-only fields of meta the transaction changed: back to their value before it. */
function serverOnlyProblems(
  doc: Y.Doc,
  tr: Y.Transaction,
  touched: readonly Touched[],
  names: ReadonlyMap<SharedType, RootName>,
): Problem[] {
  const metaKeys = new Set<string | null>();
  for (const t of touched) {
    if (names.get(t.root) !== 'meta') continue;
    if (t.path.length === 0) t.keys.forEach((key) => metaKeys.add(key));
    else metaKeys.add(t.path[0]!);
  }
  if (metaKeys.size === 0) return [];
  const meta = metaOf(doc).raw;
  const problems: Problem[] = [];
  for (const key of MetaRecord.keys) {
    const field = fieldOf(MetaRecord, key)!;
    if (field.kind !== 'plain' || !field.serverOnly || !metaKeys.has(key)) continue;
    // A document created by this very transaction (no value before) starts at the current version.
    const before = valueBefore(meta, key, tr);
    const wanted = before.found ? before.value : field.fallback;
    const now = meta.get(key);
    if (now === wanted) continue;
    problems.push({
      where: `meta.${key}`,
      what: `changed to ${describeValue(now)}, which only the server may change`,
      fix: () => {
        meta.set(key, wanted);
        return `set back to ${describeValue(wanted)}`;
      },
    });
  }
  return problems;
}

/**
 * Content other than text in our shared texts, among the items `tr` added (a text that changed
 * before `tr` was valid, so only new items can be wrong). Costs a look at each client's clock,
 * then one check per new item.
 */
function foreignTextProblems(
  doc: Y.Doc,
  tr: Y.Transaction,
  names: ReadonlyMap<SharedType, RootName>,
): Problem[] {
  const byText = new Map<Y.Text, Y.Item[]>();
  doc.store.clients.forEach((structs, client) => {
    const before = tr.beforeState.get(client) ?? 0;
    const last = structs[structs.length - 1];
    if (last === undefined || last.id.clock + last.length <= before) return;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const item = structs[i];
      if (!(item instanceof Y.Item) || item.deleted || item.parentSub !== null) continue;
      if (!isSharedText(item.parent) || item.content instanceof Y.ContentString) continue;
      const items = byText.get(item.parent) ?? [];
      items.push(item);
      byText.set(item.parent, items);
    }
  });
  const problems: Problem[] = [];
  byText.forEach((items, text) => {
    const where = textPlace(text as unknown as SharedType, names);
    if (where !== undefined) problems.push(foreignContentProblem(items, where));
  });
  return problems;
}

/** The path of one of our shared texts (a text root or a text field of a record), if it is one. */
function textPlace(text: SharedType, names: ReadonlyMap<SharedType, RootName>): string | undefined {
  const { root, path, alive } = locate(text);
  const name = names.get(root);
  if (!alive || name === undefined) return undefined;
  const decl = ROOTS[name];
  if (decl.kind === 'text') return path.length === 0 ? name : undefined;
  if (decl.kind !== 'collection' || path.length !== 2) return undefined;
  const [id, key] = path;
  if (id === null || key === null || fieldOf(decl.record, key!)?.kind !== 'text') return undefined;
  return `${name}.${id}.${key}`;
}

/** What is wrong with what one changed type holds, looked at as little as it takes. */
function touchedProblems(doc: Y.Doc, t: Touched, name: RootName): Problem[] {
  const decl = ROOTS[name];
  const root = rootOf(doc, name);
  const [first, second] = t.path;
  if (decl.kind === 'text') {
    return textProblems(root as Y.Text, decl.max, name, { deep: t.path.length > 0, keys: t.keys });
  }
  const map = root as Y.Map<unknown>;
  if (decl.kind === 'record') {
    return recordKeyProblems(decl.record, map, name, t.path.length === 0 ? t.keys : [first!]);
  }
  if (t.path.length === 0) {
    return [...t.keys].flatMap((id) =>
      id === null ? listPartProblems(map, name) : entryProblems(decl, map, id, `${name}.${id}`),
    );
  }
  if (first === null) return listPartProblems(map, name);
  const where = `${name}.${first}`;
  const record = map.get(first!);
  if (!decl.isKey(first!) || !(record instanceof Y.Map)) {
    return entryProblems(decl, map, first!, where);
  }
  if (t.path.length === 1) return recordKeyProblems(decl.record, record, where, t.keys);
  if (second === null) return listPartProblems(record, where);
  const field = fieldOf(decl.record, second!);
  if (field === undefined || t.path.length > 2) {
    return recordKeyProblems(decl.record, record, where, [second!]);
  }
  return fieldProblems(field, record, second!, `${where}.${second}`, { deep: false, keys: t.keys });
}
