import {
  ACTION_KINDS,
  ACTION_STATUSES,
  ANALYSIS_STATUSES,
  LIMITS,
  VERIFICATIONS,
} from '../records/constants';

/** The `format` every JSON export carries. */
export const EXPORT_FORMAT = 'whychain-analysis';

/** The newest export version this Whychain writes and reads. */
export const EXPORT_VERSION = 2;

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const orNull = (schema: object) => ({ anyOf: [schema, { type: 'null' }] }) as const;
const id = { type: 'string', pattern: '^[0-9a-z]{6,64}$' } as const;
const time = { type: 'number', description: 'milliseconds since 1970' } as const;
const name = text(LIMITS.nameLength);
const words = {
  type: 'array',
  maxItems: LIMITS.listLength,
  items: text(LIMITS.listItemLength),
} as const;

/** An object whose every property is required and no other is allowed. */
function record(properties: Record<string, object>, description?: string) {
  return {
    type: 'object',
    ...(description && { description }),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  } as const;
}

const why = record(
  {
    id: { ...id, not: { const: 'problem' } },
    parentId: { ...orNull(id), description: 'null for a direct answer to the problem' },
    order: { type: 'integer', minimum: 0, description: 'position among its siblings' },
    text: text(LIMITS.whyTextLength),
    rootCause: { type: 'boolean' },
    createdBy: name,
    createdAt: time,
    evidence: text(LIMITS.evidenceLength),
    links: {
      type: 'array',
      maxItems: LIMITS.linkCount,
      items: { type: 'string', maxLength: LIMITS.linkLength, pattern: '^https?://\\S+$' },
    },
    verification: { enum: [...VERIFICATIONS] },
    category: orNull(text(LIMITS.listItemLength)),
    assumption: { type: 'boolean' },
    stopReason: text(LIMITS.commentLength),
    internal: { type: 'boolean', description: 'never shown to the customer (since version 2)' },
  },
  'One answer to "why?"',
);

const action = record({
  id,
  whyId: { ...orNull(text(LIMITS.idLength)), description: 'the root cause it removes' },
  kind: { enum: [...ACTION_KINDS] },
  description: text(LIMITS.actionDescriptionLength),
  owner: text(LIMITS.ownerLength),
  dueDate: orNull({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  status: { enum: [...ACTION_STATUSES] },
  completionNote: text(LIMITS.completionNoteLength),
  completedAt: orNull(time),
  createdBy: name,
  createdAt: time,
  internal: { type: 'boolean', description: 'never shown to the customer (since version 2)' },
  ownerShareable: {
    type: 'boolean',
    description: "the owner's name may appear in the customer's version (since version 2)",
  },
});

const comment = record({
  id,
  whyId: text(LIMITS.idLength),
  text: text(LIMITS.commentLength),
  author: name,
  createdAt: time,
  resolved: { type: 'boolean' },
});

const parkingLotItem = record({
  id,
  text: text(LIMITS.commentLength),
  author: name,
  createdAt: time,
});

const analysis = record({
  id: { ...id, description: 'the id it had where it was exported; an import gives a new one' },
  title: text(LIMITS.titleLength),
  problem: text(LIMITS.problemLength),
  status: { enum: [...ANALYSIS_STATUSES] },
  createdAt: time,
  createdBy: name,
  signedOffBy: orNull(name),
  signedOffAt: orNull(time),
  closeOverride: orNull(text(LIMITS.commentLength)),
  customerVersionOverride: {
    ...orNull(text(LIMITS.commentLength)),
    description: "why the customer's version was exported before closing (since version 2)",
  },
  learnings: text(LIMITS.evidenceLength),
  customerMessage: {
    ...text(LIMITS.evidenceLength),
    description: "the message that opens the customer's version (since version 2)",
  },
  categories: words,
  blameWords: words,
  timer: record({ startedAt: orNull(time), elapsedMs: { type: 'number', minimum: 0 } }),
  whys: { type: 'array', items: why, description: 'depth-first, parents before children' },
  actions: { type: 'array', items: action },
  comments: { type: 'array', items: comment },
  parkingLot: { type: 'array', items: parkingLotItem },
});

/**
 * The JSON Schema (draft 2020-12) of a JSON export, version 2 (imports also read version 1); served at
 * `/api/schemas/analysis-export.json`. Plain JSON, built from the same limits and enums as the
 * document schema so the two cannot disagree on them.
 */
export const ANALYSIS_EXPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:whychain:analysis-export:2',
  title: 'Whychain analysis export',
  ...record({
    format: { const: EXPORT_FORMAT },
    version: { const: EXPORT_VERSION },
    exportedAt: { type: 'string', format: 'date-time' },
    analysis,
    caseIds: { type: 'array', items: text(LIMITS.idLength), description: 'linked cases' },
  }),
} as const;
