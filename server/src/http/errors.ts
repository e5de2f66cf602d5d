import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** An error whose message is safe to show to the caller, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `{ error }`: the one shape of every API error, declared once for the OpenAPI document. */
export const ERROR_SCHEMA = {
  type: 'object',
  properties: { error: { type: 'string' } },
  required: ['error'],
} as const;

interface SchemaIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** "/title" -> "Title"; "/actions/0/owner" -> "Actions 0 owner"; the body itself -> "The body". */
function fieldName(path: string, missing?: unknown): string {
  const parts = path.split('/').filter(Boolean);
  if (typeof missing === 'string') parts.push(missing);
  if (parts.length === 0) return 'The body';
  const words = parts
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const part of path.split('/').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A schema violation in words a person can act on, e.g. "Title is too long (201 characters, at most 200)." */
export function describeIssue(issue: SchemaIssue, input: unknown): string {
  const field = fieldName(issue.instancePath, issue.params.missingProperty);
  const limit = issue.params.limit;
  switch (issue.keyword) {
    case 'required':
      return `${field} is required.`;
    case 'maxLength': {
      const value = valueAt(input, issue.instancePath);
      const length = typeof value === 'string' ? [...value].length : undefined;
      return `${field} is too long (${length === undefined ? '' : `${length} characters, `}at most ${String(limit)}).`;
    }
    case 'minLength':
      return limit === 1
        ? `${field} must not be empty.`
        : `${field} is too short (at least ${String(limit)} characters).`;
    case 'type':
      return `${field} must be ${article(String(issue.params.type))}.`;
    case 'enum':
      return `${field} must be one of ${(issue.params.allowedValues as unknown[]).map(String).join(', ')}.`;
    case 'additionalProperties':
      return `${fieldName(issue.instancePath, issue.params.additionalProperty)} is not a known field.`;
    case 'format':
      return `${field} must be a valid ${String(issue.params.format)}.`;
    case 'minimum':
    case 'maximum':
      return `${field} must be ${issue.keyword === 'minimum' ? 'at least' : 'at most'} ${String(limit)}.`;
    default:
      return `${field} ${issue.message ?? 'is not valid'}.`;
  }
}

function article(type: string): string {
  if (type === 'string') return 'text';
  if (type === 'integer') return 'a whole number';
  if (type === 'object') return 'an object';
  if (type === 'array') return 'a list';
  return `a ${type}`;
}

/**
 * Turns whatever went wrong into `{ error }` with a status and a message that says what is wrong:
 * our own HttpErrors, schema violations, and the framework's body parsing errors.
 */
export function errorReply(
  err: FastifyError,
  request: FastifyRequest,
): { status: number; error: string } {
  if (err instanceof HttpError) return { status: err.status, error: err.message };
  if (err.validation && err.validation.length > 0) {
    const where = err.validationContext ?? 'body';
    const input = (request as unknown as Record<string, unknown>)[where];
    const issue = err.validation[0] as SchemaIssue;
    const message = describeIssue(issue, input);
    return {
      status: 400,
      error: where === 'body' ? message : `${message.replace(/^The body/, `The ${where}`)}`,
    };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, error: `Malformed JSON: ${err.message}` };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, error: 'Request body is empty; expected JSON.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, error: 'Send the body as JSON with content-type: application/json.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        error: `Request body is larger than ${request.routeOptions.bodyLimit ?? 0} bytes.`,
      };
  }
  if (err instanceof SyntaxError) return { status: 400, error: `Malformed JSON: ${err.message}` };
  const status = err.statusCode ?? 500;
  return status >= 500
    ? { status: 500, error: 'Something went wrong on the server.' }
    : { status, error: err.message };
}

/** Sends `{ error }` with the given status. */
export function sendError(reply: FastifyReply, status: number, error: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send({ error });
}
