import { Type, type Static } from 'typebox';
import {
  CASE_LIMITS,
  CASE_STATUSES,
  CURRENCY_PATTERN,
  DISCOVERY_ANSWERS,
  DISCOVERY_QUESTIONS,
  SEVERITIES,
  TOUCHPOINTS,
} from '@whychain/shared';
import { CASE_SORTS } from '../db/cases';

/** Only http and https addresses: no javascript:, data: or file: links. */
export const HTTP_URL_PATTERN = '^https?://[^\\s]+$';

const strict = { additionalProperties: false } as const;
const Time = Type.String({ format: 'date-time', description: 'ISO 8601' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Note = Type.String({ maxLength: CASE_LIMITS.note });
/** A string from a fixed list, as JSON Schema `enum` (so errors list the allowed values). */
const enumOf = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    ...(description ? { description } : {}),
  });

const Stakes = Type.Object(
  {
    amount: Type.Optional(
      Nullable(
        Type.Number({
          minimum: 0,
          maximum: CASE_LIMITS.amount,
          description: 'e.g. lifetime value',
        }),
      ),
    ),
    currency: Type.Optional(
      Nullable(Type.String({ pattern: CURRENCY_PATTERN, description: 'ISO 4217' })),
    ),
    note: Type.Optional(Note),
  },
  strict,
);

const Recovery = Type.Object(
  {
    acknowledgedAt: Type.Optional(Nullable(Time)),
    containmentStartedAt: Type.Optional(Nullable(Time)),
    resolvedAt: Type.Optional(Nullable(Time)),
    customerConfirmedAt: Type.Optional(Nullable(Time)),
    gesture: Type.Optional(Nullable(Type.Object({ at: Time, note: Note }, strict))),
    survey: Type.Optional(
      Nullable(
        Type.Object(
          {
            at: Time,
            score: Type.Integer({ minimum: 1, maximum: 5 }),
            comment: Type.String({ maxLength: CASE_LIMITS.note }),
          },
          strict,
        ),
      ),
    ),
    institutionalizedAt: Type.Optional(Nullable(Time)),
  },
  strict,
);

const DiscoveryAnswerInput = Type.Object(
  {
    answer: Type.Optional(Nullable(enumOf(DISCOVERY_ANSWERS))),
    note: Type.Optional(Note),
  },
  strict,
);

/** `{ <questionId>: { answer, note } }`, only the seven questions' ids. */
const Discovery = Type.Object(
  Object.fromEntries(
    DISCOVERY_QUESTIONS.map(({ id }) => [id, Type.Optional(DiscoveryAnswerInput)]),
  ),
  { ...strict, description: DISCOVERY_QUESTIONS.map((q) => `${q.id}: ${q.question}`).join('\n') },
);

const writable = {
  externalRef: Type.Optional(
    Nullable(Type.String({ minLength: 1, maxLength: CASE_LIMITS.externalRef })),
  ),
  externalUrl: Type.Optional(
    Nullable(Type.String({ maxLength: CASE_LIMITS.url, pattern: HTTP_URL_PATTERN })),
  ),
  description: Type.Optional(Type.String({ maxLength: CASE_LIMITS.description })),
  touchpoint: Type.Optional(enumOf(TOUCHPOINTS)),
  severity: Type.Optional(enumOf(SEVERITIES)),
  stakes: Type.Optional(Stakes),
  receivedAt: Type.Optional(Time),
  owner: Type.Optional(Type.String({ maxLength: CASE_LIMITS.owner })),
  status: Type.Optional(enumOf(CASE_STATUSES)),
  recovery: Type.Optional(Recovery),
  discovery: Type.Optional(Discovery),
};

const CustomerName = Type.String({ minLength: 1, maxLength: CASE_LIMITS.customerName });

export const CreateCase = Type.Object(
  {
    customerName: Type.Optional(CustomerName),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    summary: Type.String({ minLength: 1, maxLength: CASE_LIMITS.summary }),
    ...writable,
  },
  strict,
);
export type CreateCaseBody = Static<typeof CreateCase>;

export const PatchCase = Type.Object(
  {
    customerName: Type.Optional(CustomerName),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    summary: Type.Optional(Type.String({ minLength: 1, maxLength: CASE_LIMITS.summary })),
    ...writable,
  },
  strict,
);
export type PatchCaseBody = Static<typeof PatchCase>;

export const CaseSchema = Type.Object({
  id: Type.String(),
  customer: Type.Object({ id: Type.String(), name: Type.String() }),
  externalRef: Nullable(Type.String()),
  externalUrl: Nullable(Type.String()),
  summary: Type.String(),
  description: Type.String(),
  touchpoint: Type.String(),
  severity: Type.String(),
  stakes: Type.Object({
    amount: Nullable(Type.Number()),
    currency: Nullable(Type.String()),
    note: Type.String(),
  }),
  receivedAt: Type.String(),
  owner: Type.String(),
  status: Type.String(),
  recovery: Type.Object({
    acknowledgedAt: Nullable(Type.String()),
    containmentStartedAt: Nullable(Type.String()),
    resolvedAt: Nullable(Type.String()),
    customerConfirmedAt: Nullable(Type.String()),
    gesture: Nullable(Type.Object({ at: Type.String(), note: Type.String() })),
    survey: Nullable(
      Type.Object({ at: Type.String(), score: Type.Integer(), comment: Type.String() }),
    ),
    institutionalizedAt: Nullable(Type.String()),
  }),
  discovery: Type.Array(
    Type.Object({
      id: Type.String(),
      question: Type.String(),
      answer: Nullable(Type.String()),
      note: Type.String(),
    }),
  ),
  analysisIds: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ListCasesQuery = Type.Object(
  {
    customerId: Type.Optional(Type.String()),
    status: Type.Optional(enumOf(CASE_STATUSES)),
    severity: Type.Optional(enumOf(SEVERITIES)),
    owner: Type.Optional(Type.String({ maxLength: CASE_LIMITS.owner })),
    from: Type.Optional(Time),
    to: Type.Optional(Time),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(enumOf(CASE_SORTS)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  strict,
);
