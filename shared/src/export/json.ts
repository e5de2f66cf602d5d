import type * as Y from 'yjs';
import type { Origin } from '../origin';
import { isInitialized, type AnalysisSnapshot } from '../readAnalysis';
import { ActionRecord } from '../records/action';
import { CommentRecord } from '../records/comment';
import { fillRecord, newRecordMap, type Field, type RecordType } from '../records/field';
import { MetaRecord } from '../records/meta';
import { ParkingLotItemRecord } from '../records/parkingLotItem';
import { isWhyId, WhyRecord } from '../records/why';
import { isIdShaped } from '../ids';
import {
  actionsOf,
  commentsOf,
  customerMessageOf,
  LIMITS,
  learningsOf,
  metaOf,
  parkingLotOf,
  problemOf,
  PROBLEM_ID,
  SCHEMA_VERSION,
  whysOf,
} from '../schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from './analysisExportSchema';

export { ANALYSIS_EXPORT_SCHEMA, EXPORT_FORMAT, EXPORT_VERSION } from './analysisExportSchema';

type Plain = Record<string, unknown>;

/** A JSON export of one analysis (see `ANALYSIS_EXPORT_SCHEMA`). */
export interface AnalysisExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: number;
  /** ISO 8601. */
  readonly exportedAt: string;
  readonly analysis: Plain;
  readonly caseIds: readonly string[];
}

/** Why an import was refused: the reason in words, a stable code and the path of the field. */
export interface ImportRefusal {
  readonly ok: false;
  readonly reason: string;
  readonly code: 'invalid' | 'newer_version';
  readonly field: string;
}

export type ImportResult = { ok: true; caseIds: string[]; title: string } | ImportRefusal;

// Fields of the snapshot that place a why (the effective parent and the sibling position are
// exported instead of the CRDT bookkeeping, which an import starts afresh).
const WHY_BOOKKEEPING = ['parentId', 'order', 'moveClock', 'prevParentId'];
const META_OWN = ['schemaVersion', 'timerStartedAt', 'timerElapsedMs'];

function fieldsOf(record: RecordType, left: readonly string[] = []): string[] {
  return record.keys.filter((key) => !left.includes(key));
}

function pick(source: object, keys: readonly string[]): Plain {
  const from = source as Plain;
  return Object.fromEntries(keys.map((key) => [key, copy(from[key])]));
}

const copy = (value: unknown) => (Array.isArray(value) ? [...(value as unknown[])] : value);

/**
 * The JSON export of an analysis: every field of the snapshot, lossless, so `importAnalysisJson`
 * recreates the same analysis. Whys come depth-first with their parent and sibling position.
 */
export function exportAnalysisJson(input: {
  id: string;
  snapshot: AnalysisSnapshot;
  caseIds: readonly string[];
  exportedAt?: Date;
}): AnalysisExport {
  const { snapshot } = input;
  const whys = snapshot.order.map((whyId) => {
    const why = snapshot.whys[whyId]!;
    const siblings =
      why.parentId === null ? snapshot.rootIds : snapshot.whys[why.parentId]!.childIds;
    return {
      id: why.id,
      parentId: why.parentId,
      order: siblings.indexOf(why.id),
      ...pick(why, fieldsOf(WhyRecord, WHY_BOOKKEEPING)),
    };
  });
  const meta = pick(snapshot, fieldsOf(MetaRecord, META_OWN));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (input.exportedAt ?? new Date()).toISOString(),
    analysis: {
      id: input.id,
      ...meta,
      problem: snapshot.problem,
      learnings: snapshot.learnings,
      customerMessage: snapshot.customerMessage,
      timer: { startedAt: snapshot.timer.startedAt, elapsedMs: snapshot.timer.elapsedMs },
      whys,
      actions: snapshot.actions.map((a) => ({ id: a.id, ...pick(a, ActionRecord.keys) })),
      comments: snapshot.comments.map((c) => ({ id: c.id, ...pick(c, CommentRecord.keys) })),
      parkingLot: snapshot.parkingLot.map((p) => ({
        id: p.id,
        ...pick(p, ParkingLotItemRecord.keys),
      })),
    },
    caseIds: [...input.caseIds],
  };
}

class Refused extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly code: ImportRefusal['code'] = 'invalid',
  ) {
    super(message);
  }
}

const isObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function objectAt(value: unknown, path: string): Plain {
  if (!isObject(value)) throw new Refused(path, `${path} must be an object.`);
  return value;
}

function listAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Refused(path, `${path} must be a list.`);
  return value;
}

/** Refuses `value` unless it holds exactly `keys` (missing fields and unknown ones alike). */
function onlyKeys(value: Plain, keys: readonly string[], path: string): void {
  for (const key of keys) {
    if (!Object.hasOwn(value, key))
      throw new Refused(`${path}.${key}`, `${path}.${key} is missing.`);
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      throw new Refused(`${path}.${key}`, `${path}.${key} is not a field of this export.`);
    }
  }
}

/** Checks one value against its declared field: a plain value by its validator, a text or list. */
function checkField(field: Field, value: unknown, path: string): void {
  if (field.kind === 'plain') {
    if (!field.check.test(value))
      throw new Refused(path, `${path} must be ${field.check.expected}.`);
  } else if (field.kind === 'text') {
    if (typeof value !== 'string' || value.length > field.max) {
      throw new Refused(path, `${path} must be text of at most ${field.max} characters.`);
    }
  } else {
    const items = listAt(value, path);
    if (items.length > field.maxItems) {
      throw new Refused(path, `${path} holds more than ${field.maxItems} items.`);
    }
    items.forEach((item, i) => {
      if (!field.item.test(item))
        throw new Refused(`${path}[${i}]`, `${path}[${i}] must be ${field.item.expected}.`);
    });
  }
}

function checkRecord(record: RecordType, value: Plain, keys: readonly string[], path: string) {
  for (const key of keys) checkField(record.fields[key]!, value[key], `${path}.${key}`);
}

/** Reads a list of records with ids, unique, each checked field by field. */
function readRecords(
  value: unknown,
  path: string,
  record: RecordType,
  extra: readonly string[] = [],
  isKey: (id: string) => boolean = isIdShaped,
): Plain[] {
  const seen = new Set<string>();
  // A why's placement is checked apart (`checkWhyPlaces`); its other fields here like any record's.
  const own = fieldsOf(record, record === WhyRecord ? WHY_BOOKKEEPING : []);
  return listAt(value, path).map((item, i) => {
    const at = `${path}[${i}]`;
    const entry = objectAt(item, at);
    onlyKeys(entry, ['id', ...extra, ...own], at);
    if (typeof entry.id !== 'string' || !isKey(entry.id)) {
      throw new Refused(
        `${at}.id`,
        `${at}.id must be a record id (6 to 64 letters a-z and digits).`,
      );
    }
    if (seen.has(entry.id)) throw new Refused(`${at}.id`, `${at}.id "${entry.id}" is used twice.`);
    seen.add(entry.id);
    checkRecord(record, entry, own, at);
    return entry;
  });
}

function checkWhyPlaces(whys: Plain[]): void {
  const parentOf = new Map(whys.map((why) => [why.id as string, why.parentId]));
  whys.forEach((why, i) => {
    const at = `analysis.whys[${i}]`;
    const { parentId, order } = why;
    if (parentId !== null && (typeof parentId !== 'string' || !parentOf.has(parentId))) {
      throw new Refused(
        `${at}.parentId`,
        `${at}.parentId must be null or the id of another why in this export.`,
      );
    }
    if (!Number.isSafeInteger(order) || (order as number) < 0) {
      throw new Refused(`${at}.order`, `${at}.order must be a whole number of at least 0.`);
    }
    // Walking up must reach the problem: a why can never be its own ancestor.
    let up = parentId as string | null;
    for (let steps = 0; up !== null; steps++) {
      if (up === why.id || steps > whys.length) {
        throw new Refused(
          `${at}.parentId`,
          `${at}.parentId makes a loop: a why cannot answer itself.`,
        );
      }
      up = (parentOf.get(up) as string | null | undefined) ?? null;
    }
  });
}

/** Fields version 2 added, by where they live, with the value a version 1 export means. */
const ADDED_IN_VERSION_2 = {
  analysis: { customerMessage: '', customerVersionOverride: null },
  whys: { internal: false },
  actions: { internal: false, ownerShareable: false },
} as const;

/**
 * A version 1 analysis as version 2 (a new object; the parsed file is left as it was): the fields
 * it could not have get what they mean there (nothing internal, no message to the customer). Only
 * missing fields are filled; everything is then checked as in any version 2 export.
 */
function upgradeFromVersion1(analysis: Plain): Plain {
  const fill = (entry: unknown, added: Readonly<Plain>) =>
    isObject(entry) ? { ...added, ...entry } : entry;
  const upgraded = fill(analysis, ADDED_IN_VERSION_2.analysis) as Plain;
  for (const list of ['whys', 'actions'] as const) {
    const entries = upgraded[list];
    if (Array.isArray(entries)) {
      upgraded[list] = entries.map((entry) => fill(entry, ADDED_IN_VERSION_2[list]));
    }
  }
  return upgraded;
}

interface Checked {
  analysis: Plain;
  whys: Plain[];
  actions: Plain[];
  comments: Plain[];
  parkingLot: Plain[];
  caseIds: string[];
}

function check(json: unknown): Checked {
  const top = objectAt(json, 'The export');
  if (top.format !== EXPORT_FORMAT) {
    throw new Refused(
      'format',
      `format must be "${EXPORT_FORMAT}": this is not a Whychain analysis export.`,
    );
  }
  if (typeof top.version !== 'number' || !Number.isSafeInteger(top.version) || top.version < 1) {
    throw new Refused('version', 'version must be a whole number of at least 1.');
  }
  if (top.version > EXPORT_VERSION) {
    throw new Refused(
      'version',
      `This export comes from a newer Whychain (version ${top.version}); this one reads up to ${EXPORT_VERSION}.`,
      'newer_version',
    );
  }
  onlyKeys(top, ['format', 'version', 'exportedAt', 'analysis', 'caseIds'], 'export');
  const exported = objectAt(top.analysis, 'analysis');
  const analysis = top.version < 2 ? upgradeFromVersion1(exported) : exported;
  const metaKeys = fieldsOf(MetaRecord, META_OWN);
  onlyKeys(
    analysis,
    [
      'id',
      ...metaKeys,
      'problem',
      'learnings',
      'customerMessage',
      'timer',
      'whys',
      'actions',
      'comments',
      'parkingLot',
    ],
    'analysis',
  );
  checkRecord(MetaRecord, analysis, metaKeys, 'analysis');
  checkField({ kind: 'text', max: LIMITS.problemLength }, analysis.problem, 'analysis.problem');
  checkField(
    { kind: 'text', max: LIMITS.evidenceLength },
    analysis.learnings,
    'analysis.learnings',
  );
  checkField(
    { kind: 'text', max: LIMITS.evidenceLength },
    analysis.customerMessage,
    'analysis.customerMessage',
  );
  const timer = objectAt(analysis.timer, 'analysis.timer');
  onlyKeys(timer, ['startedAt', 'elapsedMs'], 'analysis.timer');
  checkField(MetaRecord.fields.timerStartedAt, timer.startedAt, 'analysis.timer.startedAt');
  checkField(MetaRecord.fields.timerElapsedMs, timer.elapsedMs, 'analysis.timer.elapsedMs');
  const whys = readRecords(
    analysis.whys,
    'analysis.whys',
    WhyRecord,
    ['parentId', 'order'],
    isWhyId,
  );
  checkWhyPlaces(whys);
  const caseIds = listAt(top.caseIds, 'caseIds').map((caseId, i) => {
    if (typeof caseId !== 'string' || caseId.length > LIMITS.idLength) {
      throw new Refused(`caseIds[${i}]`, `caseIds[${i}] must be a case id.`);
    }
    return caseId;
  });
  return {
    analysis,
    whys,
    actions: readRecords(analysis.actions, 'analysis.actions', ActionRecord),
    comments: readRecords(analysis.comments, 'analysis.comments', CommentRecord),
    parkingLot: readRecords(analysis.parkingLot, 'analysis.parkingLot', ParkingLotItemRecord),
    caseIds,
  };
}

/**
 * Writes the analysis of a JSON export into an empty document, in one transaction, after checking
 * every field (a refusal names the field). The ids of whys, actions, comments and parking lot
 * items are kept: they only need to be unique within their document, and keeping them keeps every
 * reference between them as it was. The analysis gets its id from whoever stores the document.
 * Authors and times are kept as exported; the move bookkeeping of the whys starts afresh.
 */
export function importAnalysisJson(doc: Y.Doc, json: unknown, origin: Origin): ImportResult {
  let checked: Checked;
  try {
    checked = check(json);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { ok: false, reason: error.message, code: error.code, field: error.field };
  }
  if (isInitialized(doc)) {
    return {
      ok: false,
      reason: 'This document already holds an analysis.',
      code: 'invalid',
      field: 'analysis',
    };
  }
  const { analysis } = checked;
  const timer = analysis.timer as Plain;
  doc.transact(() => {
    fillRecord(MetaRecord, metaOf(doc).raw, {
      ...pick(analysis, fieldsOf(MetaRecord, META_OWN)),
      schemaVersion: SCHEMA_VERSION,
      timerStartedAt: timer.startedAt as number | null,
      timerElapsedMs: timer.elapsedMs as number,
    });
    problemOf(doc).insert(0, analysis.problem as string);
    learningsOf(doc).insert(0, analysis.learnings as string);
    customerMessageOf(doc).insert(0, analysis.customerMessage as string);
    for (const why of checked.whys) {
      const map = newRecordMap(WhyRecord, {
        ...pick(why, fieldsOf(WhyRecord, WHY_BOOKKEEPING)),
        parentId: (why.parentId as string | null) ?? PROBLEM_ID,
        order: why.order as number,
        moveClock: 0,
        prevParentId: null,
      });
      whysOf(doc).set(why.id as string, map);
    }
    const put = (root: Y.Map<Y.Map<unknown>>, record: RecordType, entries: Plain[]) => {
      for (const entry of entries)
        root.set(entry.id as string, newRecordMap(record, pick(entry, record.keys)));
    };
    put(actionsOf(doc), ActionRecord, checked.actions);
    put(commentsOf(doc), CommentRecord, checked.comments);
    put(parkingLotOf(doc), ParkingLotItemRecord, checked.parkingLot);
  }, origin);
  return { ok: true, caseIds: checked.caseIds, title: analysis.title as string };
}
