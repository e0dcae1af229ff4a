// The one error type. A code maps to an HTTP status; `message` is for people,
// `internal` for the log only. Field errors travel as RFC 9457 `errors`.
export const errorCodes = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;
export type FieldError = { field: string; message: string; row?: number };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly internal: string | undefined;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldError[]; internal?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.internal = options.internal;
  }

  get status(): number {
    return errorCodes[this.code];
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} was not found.`);
  }

  static forbidden(message = 'You do not have permission to do this.'): AppError {
    return new AppError('forbidden', message);
  }

  static invalid(fields: FieldError[], message = 'Some fields need attention.'): AppError {
    return new AppError('bad_request', message, { fields });
  }
}
