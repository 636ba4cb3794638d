import type { ErrorDetail } from '../errors/app-error';

/** An error envelope from /api/v1, kept whole so forms can place each detail next to its field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
