import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** An error whose message is safe to show to the caller, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A stable, machine-readable name of the problem (see ERROR_CODES in docs/api.md). */
    readonly code: string = defaultCode(status),
    /** Path of the field to blame, e.g. "stakes.currency", when one is. */
    readonly field?: string,
  ) {
    super(message);
  }
}

function defaultCode(status: number): string {
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status >= 500) return 'server_error';
  return 'invalid';
}

/** What an error answer carries: the status, and the body's `error`, `code` and `field`. */
export interface ErrorAnswer {
  status: number;
  error: string;
  code: string;
  field?: string;
}

/** `{ error }`: the one shape of every API error, declared once for the OpenAPI document. */
export const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: { type: 'string', description: 'What is wrong, in words' },
    code: { type: 'string', description: 'A stable name of the problem' },
    field: { type: 'string', description: 'Path of the field to blame, when one is' },
  },
  required: ['error', 'code'],
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

/** "/stakes/currency" (+ a missing or unknown property) -> "stakes.currency". */
function fieldPath(issue: SchemaIssue): string | undefined {
  const parts = issue.instancePath.split('/').filter(Boolean);
  const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
  if (typeof extra === 'string') parts.push(extra);
  return parts.length > 0 ? parts.join('.') : undefined;
}

/** How a person reads the patterns the schemas use. */
const PATTERN_WORDS: Record<string, string> = {
  '^https?://[^\\s]+$': 'an http or https address',
  '^[A-Z]{3}$': 'an ISO 4217 currency code such as EUR',
};

const ISSUE_CODES: Record<string, string> = {
  required: 'required',
  maxLength: 'too_long',
  maxItems: 'too_many',
  minLength: 'empty',
  type: 'wrong_type',
  enum: 'not_allowed',
  const: 'not_allowed',
  additionalProperties: 'unknown_field',
  format: 'invalid_format',
  pattern: 'invalid_format',
  minimum: 'out_of_range',
  maximum: 'out_of_range',
};

/** A schema violation as an error answer: the words, a stable code and the field's path. */
export function issueAnswer(issue: SchemaIssue, input: unknown): Omit<ErrorAnswer, 'status'> {
  return {
    error: describeIssue(issue, input),
    code: ISSUE_CODES[issue.keyword] ?? 'invalid',
    field: fieldPath(issue),
  };
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
      return `${field} must be one of: ${(issue.params.allowedValues as unknown[]).map(String).join(', ')}.`;
    case 'additionalProperties':
      return `${fieldName(issue.instancePath, issue.params.additionalProperty)} is not a known field.`;
    case 'pattern':
      return `${field} must be ${PATTERN_WORDS[String(issue.params.pattern)] ?? `in the form ${String(issue.params.pattern)}`}.`;
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
export function errorReply(err: FastifyError, request: FastifyRequest): ErrorAnswer {
  if (err instanceof HttpError) {
    return { status: err.status, error: err.message, code: err.code, field: err.field };
  }
  if (err.validation && err.validation.length > 0) {
    const where = err.validationContext ?? 'body';
    const input = (request as unknown as Record<string, unknown>)[where];
    const answer = issueAnswer(err.validation[0] as SchemaIssue, input);
    const error =
      where === 'body' ? answer.error : answer.error.replace(/^The body/, `The ${where}`);
    return { status: 400, ...answer, error };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, error: `Malformed JSON: ${err.message}`, code: 'malformed_json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        error: 'Request body is empty; expected JSON.',
        code: 'malformed_json',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        error: 'Send the body as JSON with content-type: application/json.',
        code: 'unsupported_media_type',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        error: `Request body is larger than ${request.routeOptions.bodyLimit ?? 0} bytes.`,
        code: 'too_large',
      };
  }
  if (err instanceof SyntaxError) {
    return { status: 400, error: `Malformed JSON: ${err.message}`, code: 'malformed_json' };
  }
  const status = err.statusCode ?? 500;
  return status >= 500
    ? { status: 500, error: 'Something went wrong on the server.', code: 'server_error' }
    : { status, error: err.message, code: defaultCode(status) };
}

/** Sends `{ error, code, field }` with the given status. */
export function sendError(
  reply: FastifyReply,
  status: number,
  error: string,
  code: string = defaultCode(status),
  field?: string,
): FastifyReply {
  const body = field === undefined ? { error, code } : { error, code, field };
  return reply.code(status).header('cache-control', 'no-store').send(body);
}
