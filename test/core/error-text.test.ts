// An error the app shows (a broken project file, an unknown blueprint) reads in the UI's language, whichever
// transport carried it.
import { describe, expect, it } from 'vitest';
import { ApiError, asEnvelope, unwrap } from '@core/api/envelope.js';
import { errorText } from '@core/i18n/errorText.js';
import { api } from '../helpers/sample.js';

/** The error as a renderer receives it over HTTP or IPC: a plain envelope, unwrapped into an ApiError. */
async function overTheWire(call: () => Promise<unknown>): Promise<unknown> {
  const e = await call().then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, 'the call should fail').toBeDefined();
  const { code, message, params } = e as {
    code: string;
    message: string;
    params?: Record<string, unknown>;
    problems?: unknown[];
  };
  const body = JSON.parse(
    JSON.stringify({
      ok: false,
      error: { code, message, params: params ?? { problems: (e as { problems?: unknown[] }).problems ?? [] } },
    }),
  );
  try {
    unwrap(asEnvelope(body));
  } catch (x) {
    return x;
  }
  throw new Error('unwrap did not throw');
}

describe('错误信息使用界面语言', () => {
  it('打开不是 JSON 的项目文件：中文界面说中文，英文界面说英文并给出行列', async () => {
    const e = await overTheWire(() => api().parseProject({ text: '{ "schema": 1,\n  , }', fileName: 'p.bfproj.json' }));
    expect(errorText(e, 'zh-CN')).toMatch(/^p\.bfproj\.json：不是有效的 JSON 文件（第 2 行第 \d+ 列有误）$/);
    expect(errorText(e, 'en')).toMatch(/^p\.bfproj\.json: not a valid JSON file \(error at line 2, column \d+\)$/);
  });

  it('项目文件缺少标题：用字段名称说明，不用 title 这样的键名', async () => {
    const e = await overTheWire(() =>
      api().parseProject({
        text: JSON.stringify({ schema: 1, name: 'p', blueprint: 'service-plan', date: '2026-11-24' }),
        fileName: 'p.json',
      }),
    );
    expect(errorText(e, 'zh-CN')).toBe('p.json：项目文件缺少「文档标题」');
    expect(errorText(e, 'en')).toBe('p.json: in the project file, the document title is missing');
  });

  it('没有这个蓝本：英文界面说英文', async () => {
    const e = await overTheWire(() => api().newProject({ blueprint: 'nope' } as never));
    expect(errorText(e, 'en')).toMatch(/^There is no blueprint named nope \(available: .*service-plan.*\)$/);
    expect(errorText(e, 'zh-CN')).toMatch(/^没有名为 nope 的蓝本/);
  });
});

describe('a coded error without params', () => {
  it('reads in English by its code when its wording needs no values (team library not set up)', () => {
    const e = new ApiError('team_not_configured', '尚未设置团队库：请在 设置 → 团队库 中填写服务器地址和令牌');
    expect(errorText(e, 'en')).toBe(
      'No team library is set up: enter the server address and token under Settings → Team library',
    );
    expect(errorText(e, 'zh-CN')).toBe(e.message);
    // A code whose wording needs values it does not carry stays in core's words.
    expect(errorText(new ApiError('unknown_document', '项目中没有文件 x'), 'en')).toBe('项目中没有文件 x');
  });
});
