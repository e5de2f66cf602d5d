import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, useDefaults: true, removeAdditional: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Validators for route schemas. Addresses and query strings are text, so their numbers and
 * booleans are converted ("?limit=20"); a JSON body is taken as sent: a title of 5 is refused
 * rather than stored as "5", since the server validates everything it stores.
 */
export function schemaCompiler(): FastifySchemaCompiler<FastifySchema> {
  const lenient = makeAjv({ coerceTypes: 'array' });
  const strict = makeAjv({ coerceTypes: false });
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : lenient;
    return ajv.compile(schema as object);
  };
}
