import * as Y from 'yjs';
import {
  entryProblems,
  listPartProblems,
  recordProblems,
  textProblems,
  unknownRootProblems,
  type Problem,
} from './records/check';
import { ROOT_NAMES, ROOTS, type RootName } from './records/roots';
import { describeValue } from './records/validators';
import { metaOf, rootOf, SCHEMA_VERSION } from './schema';

/**
 * Every way the whole document departs from the schema (the declarations under `records/`), in
 * words; empty when it is valid. A document whose meta is empty (not created yet) is valid as
 * long as nothing else is wrong. Walks everything: for tests and checks, not for every update.
 */
export function validateDocument(doc: Y.Doc): string[] {
  const ours = new Set<string>(ROOT_NAMES);
  const problems: Problem[] = [];
  for (const [name, type] of [...doc.share]) {
    if (!ours.has(name)) problems.push(...unknownRootProblems(type, name));
  }
  for (const name of ROOT_NAMES) problems.push(...rootProblems(doc, name));
  return problems.map((p) => `${p.where}: ${p.what}`);
}

function rootProblems(doc: Y.Doc, name: RootName): Problem[] {
  const decl = ROOTS[name];
  const root = rootOf(doc, name);
  if (decl.kind === 'text') return textProblems(root as Y.Text, decl.max, name, { deep: true });
  const map = root as Y.Map<unknown>;
  if (decl.kind === 'collection') {
    return [
      ...listPartProblems(map, name),
      ...[...map.keys()].flatMap((id) => entryProblems(decl, map, id, `${name}.${id}`)),
    ];
  }
  if (map._map.size === 0 && map._start === null) return [];
  const problems = recordProblems(decl.record, map, name);
  const version = metaOf(doc).raw.get('schemaVersion' satisfies keyof typeof decl.record.fields);
  if (version !== SCHEMA_VERSION) {
    problems.push({
      where: `${name}.schemaVersion`,
      what: `${describeValue(version)}, not this Whychain's schema version ${SCHEMA_VERSION}`,
      fix: () => 'not repaired here',
    });
  }
  return problems;
}
