export type AppErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'internal';

export interface ErrorDetail {
  path: string;
  message: string;
  /** Where in an uploaded file (1-based), for errors that point into one. */
  line?: number;
  document?: number;
}

/** The one error type services throw; the API wrapper turns it into the error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** for rate_limited: seconds until the caller may try again, sent as Retry-After */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
