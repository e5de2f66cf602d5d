import { Type } from 'typebox';
import { CASE_LIMITS, isIdShaped, MINOR_WOUNDS } from '@whychain/shared';
import { indexCustomer, listCases } from '../db/cases';
import { decodeCursor, encodeCursor } from '../db/cursor';
import {
  customerByName,
  insertCustomer,
  listCustomers,
  updateCustomer,
  type CustomerListRow,
} from '../db/customers';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';
import { CaseSchema } from './caseSchemas';

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const strict = { additionalProperties: false } as const;

const CustomerSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  externalId: Type.Union([Type.String(), Type.Null()]),
  caseCount: Type.Integer(),
  openCases: Type.Integer(),
  lastCaseAt: Type.Union([Type.String(), Type.Null()]),
  flagged: Type.Boolean({
    description: `Many minor wounds: ${MINOR_WOUNDS.cases} or more cases within ${MINOR_WOUNDS.days} days`,
  }),
  recentCases: Type.Integer({ description: `Cases within the last ${MINOR_WOUNDS.days} days` }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Name = Type.String({ minLength: 1, maxLength: CASE_LIMITS.customerName });
const ExternalId = Type.Union([Type.String({ maxLength: CASE_LIMITS.externalId }), Type.Null()]);

function customerJson(row: CustomerListRow, flagAt: number) {
  return {
    id: row.id,
    name: row.name,
    externalId: row.externalId,
    caseCount: row.caseCount,
    openCases: row.openCases,
    lastCaseAt: iso(row.lastCaseAt),
    recentCases: row.recentCases,
    flagged: row.recentCases >= flagAt,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

/** Customers: list with their case figures, one with its cases, create, rename. */
export async function customersRoutes(app: ApiApp): Promise<void> {
  const { db, minorWounds } = app.whychain;
  const windowStart = () => Date.now() - minorWounds.days * DAY_MS;

  const requireCustomer = async (id: string) => {
    const [row] = isIdShaped(id)
      ? await listCustomers(db, { limit: 1, windowStart: windowStart(), id })
      : [];
    if (!row) throw new HttpError(404, `No customer with id "${id}".`, 'not_found', 'id');
    return customerJson(row, minorWounds.cases);
  };
  const refuseTakenName = async (name: string, except?: string) => {
    const holder = await customerByName(db, name);
    if (holder && holder.id !== except) {
      throw new HttpError(
        409,
        `A customer named "${holder.name}" already exists.`,
        'conflict',
        'name',
      );
    }
  };
  const blank = (name: string | undefined) => {
    if (name !== undefined && name.trim() === '') {
      throw new HttpError(400, 'Name must not be empty.', 'empty', 'name');
    }
  };

  app.get(
    '/api/customers',
    {
      schema: {
        summary: 'Customers by name, with case counts and the many-minor-wounds flag',
        tags: ['customers'],
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            customers: Type.Array(CustomerSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          400: ERROR_SCHEMA,
        },
      },
    },
    async (request) => {
      const { q, limit = 50, cursor: cursorText } = request.query;
      const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText);
      if (cursor === null) {
        throw new HttpError(400, 'Cursor is not one this server gave out.', 'invalid', 'cursor');
      }
      const rows = await listCustomers(db, {
        q,
        limit: limit + 1,
        cursor,
        windowStart: windowStart(),
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        customers: page.map((row) => customerJson(row, minorWounds.cases)),
        nextCursor:
          rows.length > limit && last ? encodeCursor({ v: last.nameKey, id: last.id }) : null,
      };
    },
  );

  app.get(
    '/api/customers/:id',
    {
      schema: {
        summary: 'One customer with its cases, newest first',
        tags: ['customers'],
        params: Type.Object({ id: Type.String() }),
        response: {
          200: Type.Intersect([CustomerSchema, Type.Object({ cases: Type.Array(CaseSchema) })]),
          404: ERROR_SCHEMA,
        },
      },
    },
    async (request) => {
      const customer = await requireCustomer(request.params.id);
      const cases = await listCases(db, {
        customerId: customer.id,
        sort: '-receivedAt',
        limit: 1000,
      });
      return { ...customer, cases: 'cases' in cases ? cases.cases : [] };
    },
  );

  app.post(
    '/api/customers',
    {
      schema: {
        summary: 'Create a customer (names are unique, whatever their case)',
        tags: ['customers'],
        body: Type.Object({ name: Name, externalId: Type.Optional(ExternalId) }, strict),
        response: { 201: CustomerSchema, 400: ERROR_SCHEMA, 409: ERROR_SCHEMA },
      },
    },
    async (request, reply) => {
      const { name, externalId } = request.body;
      blank(name);
      await refuseTakenName(name);
      const created = await insertCustomer(db, { name, externalId });
      await indexCustomer(db, created.id);
      return reply.code(201).send(await requireCustomer(created.id));
    },
  );

  app.patch(
    '/api/customers/:id',
    {
      schema: {
        summary: 'Rename a customer or change its external id',
        tags: ['customers'],
        params: Type.Object({ id: Type.String() }),
        body: Type.Object(
          { name: Type.Optional(Name), externalId: Type.Optional(ExternalId) },
          strict,
        ),
        response: { 200: CustomerSchema, 400: ERROR_SCHEMA, 404: ERROR_SCHEMA, 409: ERROR_SCHEMA },
      },
    },
    async (request) => {
      const { id } = request.params;
      await requireCustomer(id);
      blank(request.body.name);
      if (request.body.name !== undefined) await refuseTakenName(request.body.name, id);
      await updateCustomer(db, id, request.body);
      await indexCustomer(db, id);
      return requireCustomer(id);
    },
  );
}
