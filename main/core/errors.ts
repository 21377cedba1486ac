import type { ApiError, ErrorCode } from '../../shared/contract';

// An expected failure: its message is Indonesian and tells the user what to do.
export class TanggapError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'TanggapError';
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

export const notFound = (what: string) => new TanggapError('not_found', `${what} tidak ditemukan.`);
