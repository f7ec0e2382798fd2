// The renderer's own API client (renderer/src/api.ts) in both shells: over Electron's preload (window.bidforge) and
// over HTTP in the browser host, an export blocked by check errors reads the same in the composer, because the error
// arrives with its code and params (before one wire, the preload threw '[check_failed] …' and the code never matched).
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { startHost, type RunningHost } from '../../host/server.js';
import { SESSION_COOKIE } from '../../host/session.js';
import { tempDir } from '../helpers/tmp.js';
import { fakeElectron } from '../helpers/transports.js';

const handlers = createHandlers({ templatesDir: 'templates', dataDir: tempDir('bf-renderer-api-') });
let host: RunningHost | undefined;
afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});
afterAll(() => host?.close());

type Translate = (key: string, params?: Record<string, string | number>) => string;
type Locale = 'zh-CN' | 'en';
/** Loaded by path: renderer/src is type-checked with the DOM (tsconfig.web.json), not by this Node program. */
const load = (module: string) => import(/* @vite-ignore */ `../../renderer/src/${module}`);

/** The renderer's modules as a page would load them, in the shell the stubbed globals describe. */
async function renderer() {
  const { api } = (await load('api.js')) as { api: ApiHandlers };
  const { exportFailure } = (await load('lib/exportFailure.js')) as {
    exportFailure(e: unknown, t: Translate, locale: Locale): string;
  };
  const { translator } = (await load('i18n.js')) as { translator(locale: Locale): Translate };
  return { api, exportFailure, translator };
}

const shells: [string, () => Promise<void>][] = [
  ['Electron (preload)', async () => void vi.stubGlobal('window', { bidforge: fakeElectron(handlers).bidforge })],
  [
    'browser host (HTTP)',
    async () => {
      host ??= await startHost({ handlers, rendererDir: tempDir('bf-renderer-dir-') });
      const h = host;
      vi.stubGlobal('window', {});
      vi.stubGlobal('location', { origin: h.url.replace(/\/$/, '') });
      // A browser sends the session cookie the launch link set (host/session.ts) with every same-origin request.
      const browserFetch = globalThis.fetch;
      vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) =>
        browserFetch(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), cookie: `${SESSION_COOKIE}=${h.token}` },
        }),
      );
    },
  ],
];

describe.each(shells)('the composer in %s', (_name, enter) => {
  it('says how many check errors block an export, in Chinese and in English', async () => {
    await enter();
    const { api, exportFailure, translator } = await renderer();
    const { project } = await api.openSample({ name: 'service-plan-sample' });
    // The sample states its promises as facts: a fault level's arrival made slower than the general promise is the
    // one check error (a level may be stricter than the general promise, never looser).
    const facts = project.commitments ?? [];
    const general = facts.find((f) => f.kind === 'arrive' && !f.scope);
    const level = facts.find((f) => f.kind === 'arrive' && f.scope?.level);
    if (!general || !level || !('within' in general) || !('within' in level))
      throw new Error('the sample lost its arrival facts');
    const slower = { ...level, within: { ...general.within, value: general.within.value + 1 } };
    const commitments = facts.map((f) => (f === level ? slower : f));
    const failed = await api
      .exportDocument({ project: { ...project, commitments }, format: 'pdf' })
      .catch((e: unknown) => e);
    expect(exportFailure(failed, translator('zh-CN'), 'zh-CN')).toBe(
      '导出失败：检查发现 1 个错误，请先修正“检查结果”中的错误。',
    );
    expect(exportFailure(failed, translator('en'), 'en')).toBe(
      'Export failed: the checks found 1 error. Fix them under Checks first.',
    );
  });
});
