import { Type } from 'typebox';
import { isIdShaped } from '@whychain/shared';
import {
  caseIdByRef,
  caseJson,
  indexCase,
  insertCase,
  linkAnalysis,
  listCases,
  unlinkAnalysis,
  updateCase,
  type CaseFields,
} from '../db/cases';
import { customerById, findOrCreateCustomer, type Db } from '../db/customers';
import { ERROR_SCHEMA, HttpError } from '../http/errors';
import type { ApiApp } from '../http/app';
import {
  CaseSchema,
  CreateCase,
  ListCasesQuery,
  PatchCase,
  type CreateCaseBody,
  type PatchCaseBody,
} from './caseSchemas';

const IdParams = Type.Object({ id: Type.String() });
const errors = { 400: ERROR_SCHEMA, 404: ERROR_SCHEMA };

/** The customer a case body names, by id (which must exist) or by name (found or created). */
async function customerOf(
  db: Db,
  body: { customerId?: string; customerName?: string },
): Promise<string | undefined> {
  if (body.customerId !== undefined) {
    const customer = isIdShaped(body.customerId)
      ? await customerById(db, body.customerId)
      : undefined;
    if (!customer) {
      throw new HttpError(
        404,
        `No customer with id "${body.customerId}".`,
        'not_found',
        'customerId',
      );
    }
    return customer.id;
  }
  if (body.customerName !== undefined) {
    if (body.customerName.trim() === '') {
      throw new HttpError(400, 'Customer name must not be empty.', 'empty', 'customerName');
    }
    return (await findOrCreateCustomer(db, body.customerName)).id;
  }
  return undefined;
}

function fieldsOf(body: CreateCaseBody | PatchCaseBody): CaseFields {
  const fields: Record<string, unknown> = { ...body };
  delete fields.customerId;
  delete fields.customerName;
  if (typeof fields.summary === 'string' && fields.summary.trim() === '') {
    throw new HttpError(400, 'Summary must not be empty.', 'empty', 'summary');
  }
  return fields as CaseFields;
}

/** Customer cases: create (idempotent on externalRef), list, read, change, link to analyses. */
export async function casesRoutes(app: ApiApp): Promise<void> {
  const { db, store } = app.whychain;

  const requireCase = async (id: string) => {
    const found = isIdShaped(id) ? await caseJson(db, id) : undefined;
    if (!found) throw new HttpError(404, `No case with id "${id}".`, 'not_found', 'id');
    return found;
  };

  app.post(
    '/api/cases',
    {
      schema: {
        summary: 'Create a case, or update the case with the same externalRef (answers 200)',
        tags: ['cases'],
        body: CreateCase,
        response: { 200: CaseSchema, 201: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.customerId === undefined && body.customerName === undefined) {
        throw new HttpError(
          400,
          'Customer name or customer id is required.',
          'required',
          'customerName',
        );
      }
      const fields = fieldsOf(body);
      const { id, created } = await db.transaction().execute(async (tx) => {
        const customerId = (await customerOf(tx, body))!;
        const existing = body.externalRef ? await caseIdByRef(tx, body.externalRef) : undefined;
        if (existing) {
          await updateCase(tx, existing, { ...fields, customerId });
          return { id: existing, created: false };
        }
        return { id: await insertCase(tx, customerId, fields), created: true };
      });
      await indexCase(db, id);
      return reply.code(created ? 201 : 200).send(await requireCase(id));
    },
  );

  app.get(
    '/api/cases',
    {
      schema: {
        summary: 'Cases, filtered, sorted and paged',
        tags: ['cases'],
        querystring: ListCasesQuery,
        response: {
          200: Type.Object({
            cases: Type.Array(CaseSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          400: ERROR_SCHEMA,
        },
      },
    },
    async (request) => {
      const query = request.query;
      const page = await listCases(db, { ...query, limit: query.limit ?? 50 });
      if ('badCursor' in page) {
        throw new HttpError(400, 'Cursor is not one this server gave out.', 'invalid', 'cursor');
      }
      return page;
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        summary: 'One case',
        tags: ['cases'],
        params: IdParams,
        response: { 200: CaseSchema, 404: ERROR_SCHEMA },
      },
    },
    async (request) => requireCase(request.params.id),
  );

  app.patch(
    '/api/cases/:id',
    {
      schema: {
        summary: 'Change any of the writable fields of a case',
        tags: ['cases'],
        params: IdParams,
        body: PatchCase,
        response: { 200: CaseSchema, 409: ERROR_SCHEMA, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await requireCase(id);
      const fields = fieldsOf(request.body);
      await db.transaction().execute(async (tx) => {
        if (fields.externalRef) {
          const holder = await caseIdByRef(tx, fields.externalRef);
          if (holder && holder !== id) {
            throw new HttpError(
              409,
              `Another case (${holder}) already has the reference "${fields.externalRef}".`,
              'conflict',
              'externalRef',
            );
          }
        }
        const customerId = await customerOf(tx, request.body);
        await updateCase(tx, id, { ...fields, customerId });
      });
      await indexCase(db, id);
      return requireCase(id);
    },
  );

  app.post(
    '/api/cases/:id/analyses',
    {
      schema: {
        summary: 'Link an analysis to the case (linking twice is not an error)',
        tags: ['cases'],
        params: IdParams,
        body: Type.Object(
          { analysisId: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: { 200: CaseSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { analysisId } = request.body;
      await requireCase(id);
      if (!isIdShaped(analysisId) || !(await store.exists(analysisId))) {
        throw new HttpError(404, `No analysis with id "${analysisId}".`, 'not_found', 'analysisId');
      }
      await linkAnalysis(db, id, analysisId);
      return requireCase(id);
    },
  );

  app.delete(
    '/api/cases/:id/analyses/:analysisId',
    {
      schema: {
        summary: 'Unlink an analysis from the case',
        tags: ['cases'],
        params: Type.Object({ id: Type.String(), analysisId: Type.String() }),
        response: { 200: CaseSchema, 404: ERROR_SCHEMA },
      },
    },
    async (request) => {
      const { id, analysisId } = request.params;
      await requireCase(id);
      await unlinkAnalysis(db, id, analysisId);
      return requireCase(id);
    },
  );
}
