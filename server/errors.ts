// The server's refusals: an HTTP status, a stable code and a readable message; never a stack trace on the wire.
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'bad_request') => new ServerError(400, code, message);
export const forbidden = (message: string, code = 'forbidden') => new ServerError(403, code, message);
export const notFound = (message: string) => new ServerError(404, 'not_found', message);
export const conflict = (message: string, code: string) => new ServerError(409, code, message);
