// What the renderer shows for a refused API call (renderer/src/api.ts errorMessage) is in the UI's language: a coded
// store refusal carries a Chinese message and its params, and the English UI words it from STORE_EN by code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeElectron } from '../helpers/transports.js';

type Locale = 'zh-CN' | 'en';
/** Loaded by path: renderer/src is type-checked with the DOM (tsconfig.web.json), not by this Node program. */
const load = (module: string) => import(/* @vite-ignore */ `../../renderer/src/${module}`);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('errorMessage', () => {
  it('words a store refusal in English for the English UI and in Chinese for the Chinese one', async () => {
    const handlers = createHandlers({ templatesDir: 'templates', dataDir: tempDir('bf-renderer-lang-') });
    vi.stubGlobal('window', { bidforge: fakeElectron(handlers).bidforge });
    const { api, errorMessage } = (await load('api.js')) as {
      api: ApiHandlers;
      errorMessage(e: unknown, locale: Locale): string;
    };
    const refused = await api.libraryClause({ clauseId: 'no-such-clause' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'not_found' });
    const zh = (refused as { message: string }).message;
    expect(errorMessage(refused, 'zh-CN')).toBe(zh);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(errorMessage(refused, 'en')).toBe('The clause library has no clause no-such-clause');
  });

  it('keeps the message of an error that has no code', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:1' });
    const { errorMessage } = (await load('api.js')) as { errorMessage(e: unknown, locale: Locale): string };
    expect(errorMessage(new Error('disk full'), 'en')).toBe('disk full');
    expect(errorMessage('plain', 'zh-CN')).toBe('plain');
  });
});
