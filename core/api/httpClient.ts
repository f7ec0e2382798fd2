// The renderer's API client when there is no Electron preload: POST /api/<channel> to the local host.
import { clientOf } from './channels.js';
import { ApiError, type ApiErrorBody, type ApiHandlers } from './contract.js';

export const TOKEN_HEADER = 'x-bidforge-token';
export const FILE_NAME_HEADER = 'x-bidforge-file-name';
export const PROBLEMS_HEADER = 'x-bidforge-problems';

export function createHttpClient(origin: string, token: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): ApiHandlers {
  const call = async (channel: string, arg: unknown): Promise<unknown> => {
    const res = await fetchImpl(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(arg ?? {}),
    });
    if (res.headers.get('content-type')?.startsWith('application/octet-stream')) {
      return {
        fileName: decodeURIComponent(res.headers.get(FILE_NAME_HEADER) ?? 'export'),
        bytes: new Uint8Array(await res.arrayBuffer()),
        problems: JSON.parse(decodeURIComponent(res.headers.get(PROBLEMS_HEADER) ?? '%5B%5D')),
      };
    }
    const body = (await res.json().catch(() => null)) as { ok: boolean; value?: unknown; error?: ApiErrorBody } | null;
    if (!body) throw new ApiError('bad_response', `the host answered ${res.status} without a readable body`);
    if (!body.ok) throw new ApiError(body.error?.code ?? 'error', body.error?.message ?? 'unknown error', body.error?.details);
    return body.value;
  };
  return clientOf(call);
}
