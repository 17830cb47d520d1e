/**
 * Error codes shared by every transport. A handler throws ApiError; the
 * transports turn it into the same `{ ok: false, error }` envelope.
 */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'DISK_FULL',
  'TOO_LARGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, for validation errors. */
  field?: string;
  /**
   * CONFLICT of a save based on an older revision: what core holds now, so the
   * window can show both versions without another call. `value` is the section
   * as the record shows it (or the patient).
   */
  current?: ConflictCurrent;
}

export interface ConflictCurrent {
  section: string;
  revision: number;
  value: unknown;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly current: ConflictCurrent | undefined;

  constructor(code: ErrorCode, message: string, field?: string, current?: ConflictCurrent) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    this.current = current;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.current !== undefined) body.current = this.current;
    return body;
  }
}
