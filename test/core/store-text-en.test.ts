// The clause library's refusals in the reader's language, end to end: errorText (the renderer's and the CLI's way
// to show an API error) words them in English from core/library/store/storeText.ts's table once
// core/i18n/problemText.ts spreads STORE_EN, and keeps core's Chinese in Chinese; the CLI prints them in --lang.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { toApiError } from '@core/api/dispatch.js';
import { ApiError } from '@core/api/envelope.js';
import { createHandlers } from '@core/api/handlers.js';
import { errorText } from '@core/i18n/errorText.js';
import { problemParams } from '@core/i18n/problemText.js';
import { openStore } from '@core/library/store/index.js';
import { makePack } from '@core/library/store/pack.js';
import {
  libraryRefusals,
  packRefusals,
  settingsRefusals,
  storeRefusals,
  templateRefusals,
} from '../helpers/storeProblems.js';
import { templatesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/tmp.js';

const HAN = /\p{Script=Han}/u;
const all = [
  ...(await packRefusals()),
  ...(await storeRefusals()),
  ...(await libraryRefusals()),
  ...(await settingsRefusals()),
  ...(await templateRefusals()),
];

async function cli(...args: string[]) {
  const err: string[] = [];
  const code = await run(
    args,
    () => {},
    (s) => err.push(s),
  );
  return { code, err: err.join('\n') };
}

describe('errorText words each refusal in the UI language', () => {
  it.each(all.map((e) => [e.code, e] as const))('%s', (_, e) => {
    const p = e.problems[0]!;
    // Chinese: core's own message, in process and after the transport (IPC/HTTP carry {code, message, params}).
    expect(errorText(e, 'zh-CN')).toBe(p.message);
    expect(errorText(toApiError(e), 'zh-CN')).toBe(p.message);
    const en = errorText(e, 'en');
    expect(errorText(toApiError(e), 'en')).toBe(en);
    expect(en).not.toBe(p.message);
    // No Chinese left but inside a value (a path, a name as written).
    const values = Object.values(problemParams(p) ?? {}).map(String);
    expect(values.reduce((s, v) => s.split(v).join(''), en)).not.toMatch(HAN);
  });
});

describe('an API refusal with params (ApiError)', () => {
  it('reads by its why; one made elsewhere without params keeps its own message', async () => {
    const api = createHandlers({ templatesDir, dataDir: tempDir('bf-store-api-') });
    const e = await api.openRecentProject({ id: '投标甲' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(errorText(e, 'zh-CN')).toBe('最近项目中没有“投标甲”');
    expect(errorText(e, 'en')).toBe('Recent projects have no “投标甲”');
    const plain = new ApiError('not_found', '没有这个东西');
    expect(errorText(plain, 'en')).toBe('没有这个东西');
  });
});

describe('bidforge library import prints the refusal in --lang', () => {
  const dir = tempDir('bf-store-cli-');
  const pack = makePack({ clauses: [], blueprints: [] }, new Date('2026-05-01T08:00:00Z'));
  const tampered = join(dir, 'tampered.bfpack.json');
  writeFileSync(tampered, JSON.stringify({ ...pack, checksum: 'f'.repeat(64) }));

  it('a pack changed after export: the reason with the checksum prefixes, in Chinese and in English', async () => {
    const zh = await cli('library', 'import', tampered, '--data', join(dir, 'zh'));
    expect(zh.code).not.toBe(0);
    expect(zh.err).toMatch(
      /不是可用的 BidForge 条款包：校验和不符：导出后内容被改动过（应为 ffffffffffff…，实际为 [0-9a-f]{12}…）/,
    );
    const en = await cli('library', 'import', tampered, '--data', join(dir, 'en'), '--lang', 'en');
    expect(en.code).toBe(zh.code);
    expect(en.err).toMatch(
      /Not a usable BidForge pack: its checksum does not match: the contents were changed after export \(expected ffffffffffff…, found [0-9a-f]{12}…\)/,
    );
    expect(en.err).not.toMatch(HAN);
  });

  it('a library another program holds: who holds it, in Chinese and in English', async () => {
    const data = join(dir, 'held');
    const app = await openStore({ dataDir: data, program: 'BidForge app' });
    try {
      // takes the lock and keeps it until close
      await app.createClause(
        { id: 'mine', category: '测试', title: '我的条款', docTypes: ['service-plan'], body: '正文' },
        '张',
      );
      const good = join(dir, 'good.bfpack.json');
      writeFileSync(good, JSON.stringify(pack));
      const args = ['library', 'import', good, '--resolve', 'take-theirs', '--data', data];
      const zh = await cli(...args);
      expect(zh.err).toContain(`条款库正被 BidForge 应用（进程 ${process.pid}）使用`);
      const en = await cli(...args, '--lang', 'en');
      expect(en.err).toContain(`The clause library is in use by BidForge app (pid ${process.pid}) since `);
      expect(en.err).not.toMatch(HAN);
    } finally {
      await app.close();
    }
  });
});
