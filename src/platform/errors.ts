// The one error catalogue (DESIGN.md "Errors"). Commands return results for expected failures;
// routes throw these, and the one handler (platform/http/errors.ts) turns them into a Vietnamese
// page or RFC 9457 problem JSON.
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}
export class NotFound extends AppError {
  constructor(message = 'not_found') {
    super(404, 'not_found', message);
  }
}
export class Unauthenticated extends AppError {
  constructor(message = 'sign_in_required') {
    super(401, 'sign_in_required', message);
  }
}
export class Forbidden extends AppError {
  constructor(readonly reason = 'forbidden') {
    super(403, 'forbidden', reason);
  }
}
export class ValidationFailed extends AppError {
  constructor(fields: FieldErrors) {
    super(422, 'validation_failed', 'validation_failed', fields);
  }
}
export class Conflict extends AppError {
  constructor(message = 'conflict') {
    super(409, 'conflict', message);
  }
}
export class TooManyRequests extends AppError {
  constructor(message = 'too_many_requests') {
    super(429, 'too_many_requests', message);
  }
}
