import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { repoRoot as repoRootDir, samplePath } from '../helpers/paths.js';
import { sampleJson } from '../helpers/sample.js';
import { legacyProject } from '../commitments/legacyFixtures.js';
import { tempDir, writeFixture } from '../helpers/tmp.js';

const cli = (...argv: string[]) => runCli(argv);

/** The sample project with values replaced (undefined deletes a key), written to a temp file. */
function sampleFile(
  change: { values?: Record<string, unknown>; top?: Record<string, unknown> } = {},
  fileName = 'project.json',
): string {
  const json = sampleJson();
  const values: Record<string, unknown> = { ...json.values, ...change.values };
  for (const [k, v] of Object.entries(change.values ?? {})) if (v === undefined) delete values[k];
  return writeFixture(tempDir(), fileName, { ...json, ...change.top, values });
}

/** The sample as saved before facts (its promises typed as values, on the clauses of its time), values replaced. */
function legacyFile(values: Record<string, unknown>): string {
  const p = legacyProject('service-plan-sample', { outline: true });
  return writeFixture(tempDir(), 'project.json', { ...p, values: { ...p.values, ...values } });
}

describe('bidforge render', () => {
  it('把 <标题>.docx 和 <标题>.pdf 写入 --out 目录（文件名取自项目的标题），返回 0', async () => {
    const file = sampleFile({ top: { title: '滨江医院售后方案' } });
    const out = join(tempDir(), 'nested', 'out');
    const r = await cli('render', file, '--out', out);
    expect(r.code, r.all).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['滨江医院售后方案.docx', '滨江医院售后方案.pdf']);
    expect(readFileSync(join(out, '滨江医院售后方案.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readFileSync(join(out, '滨江医院售后方案.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.out).toContain(join(out, '滨江医院售后方案.pdf'));
  });

  it('--format docx 只写 DOCX', async () => {
    const out = tempDir();
    const r = await cli('render', samplePath, '--out', out, '--format', 'docx');
    expect(r.code, r.all).toBe(0);
    expect(readdirSync(out)).toEqual([`${sampleJson().title}.docx`]);
  });

  it('没有 --out 时返回 2', async () => {
    expect((await cli('render', samplePath)).code).toBe(2);
  });

  it('--format 不认识时返回 2', async () => {
    const r = await cli('render', samplePath, '--out', tempDir(), '--format', 'odt');
    expect(r.code).toBe(2);
    expect(r.err).toContain('odt');
  });

  it('检查有错误（缺必填值）时不写任何文件，返回 1 并指出字段', async () => {
    const out = join(tempDir(), 'out');
    const r = await cli('render', sampleFile({ values: { hotline: undefined } }), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('缺少必填变量「服务热线」的值');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('bidforge check', () => {
  it('a 100-character Chinese project name and title pass check and render alike (the file name is shortened, not refused)', async () => {
    const file = sampleFile({ top: { name: '某'.repeat(100), title: '医'.repeat(100) } });
    expect((await cli('check', file)).code).toBe(0);
    const out = tempDir('bf-cli-long-');
    const r = await cli('render', file, '--out', out, '--format', 'docx');
    expect(r.code, r.all).toBe(0);
    expect(readdirSync(out)).toEqual([expect.stringMatching(/^医+\.docx$/)]);
    expect(Buffer.byteLength(readdirSync(out)[0]!)).toBeLessThanOrEqual(255);
  });

  it('样例没有问题，返回 0', async () => {
    const r = await cli('check', samplePath);
    expect(r.code, r.all).toBe(0);
    expect(r.out).toContain(samplePath);
  });

  it('缺少必填值（hotline）返回 1，并打印字段名称「服务热线」和文件名，不打印内部键名', async () => {
    const file = sampleFile({ values: { hotline: undefined } });
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`错误：${file}：缺少必填变量「服务热线」的值`);
    expect(r.out).not.toContain('hotline');
  });

  it('--json 输出可解析的问题列表，带字段和文件', async () => {
    const file = sampleFile({ values: { hotline: undefined } });
    const r = await cli('check', file, '--json');
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.out) as { severity: string; code: string; field?: string; file?: string }[];
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'missing_value', field: 'values.hotline', file }),
    );
  });

  it('--lang en prints problems in English (the variable label stays as the clause names it)', async () => {
    const file = sampleFile({ values: { hotline: undefined } });
    const r = await cli('check', file, '--lang', 'en');
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('服务热线'));
    expect(line).toBe(`error: ${file}: The required variable “服务热线” has no value`);
    expect(line).not.toContain('缺少必填变量');
    // render prints the same line before refusing to write
    expect((await cli('render', file, '--out', tempDir(), '--lang', 'en')).err).toContain(line);
  });
});

describe('输入有误时返回 2', () => {
  it('文件不是 JSON：返回 2，消息里有文件名', async () => {
    const file = writeFixture(tempDir(), 'broken-project.json', '{ "schema": 1, "name": ');
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('broken-project.json');
  });

  it('JSON 缺少项目字段（title）：返回 2，用名称「文档标题」指出；--lang en 时说 document title', async () => {
    const json: Record<string, unknown> = { ...sampleJson() };
    delete json.title;
    const file = writeFixture(tempDir(), 'p.json', json);
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`${file}：项目文件缺少「文档标题」`);
    expect((await cli('check', file, '--lang', 'en')).err.trim()).toBe(
      `${file}: in the project file, the document title is missing`,
    );
  });

  it('文件不是 JSON：--lang en 时用英文说出行和列，不转述 JSON 解析器的原话', async () => {
    const file = writeFixture(tempDir(), 'broken.json', '{ "schema": 1,\n  "name": ');
    const r = await cli('check', file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^.*broken\.json: not a valid JSON file( \(error at line \d+, column \d+\))?$/);
    expect((await cli('check', file)).err.trim()).toMatch(/broken\.json：不是有效的 JSON 文件/);
  });

  it('蓝本不存在：返回 2，说出蓝本名', async () => {
    const r = await cli('check', sampleFile({ top: { blueprint: 'no-such-blueprint' } }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('no-such-blueprint');
  });

  it('值的类型不对（onsite_arrival 写成 "two hours"）：返回 2，用名称「现场到达时间」指出', async () => {
    const r = await cli('check', legacyFile({ onsite_arrival: 'two hours' }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('「现场到达时间」的值无效：应填写时长');
  });

  it('render 遇到类型不对的值同样返回 2，不写文件', async () => {
    const out = join(tempDir(), 'out');
    const r = await cli('render', legacyFile({ onsite_arrival: 'two hours' }), '--out', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('项目日期不存在（2026-02-30）：返回 2，用名称「编制日期」指出', async () => {
    const r = await cli('check', sampleFile({ top: { date: '2026-02-30' } }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('编制日期');
  });

  it('文件不存在：返回 2，消息里有路径', async () => {
    const missing = join(tempDir(), 'does-not-exist.json');
    const r = await cli('check', missing);
    expect(r.code).toBe(2);
    expect(r.err).toContain(missing);
  });

  it('未指定项目文件：返回 2', async () => {
    expect((await cli('check')).code).toBe(2);
  });

  it('未知命令：返回 2，说出命令名', async () => {
    const r = await cli('frobnicate', samplePath);
    expect(r.code).toBe(2);
    expect(r.err).toContain('frobnicate');
  });

  it('未知选项：返回 2', async () => {
    expect((await cli('check', samplePath, '--bogus')).code).toBe(2);
  });

  it('不带任何参数：打印用法，返回 2', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/render/);
  });
});

describe('bidforge --help', () => {
  it('--help 打印用法（render、check 和退出码），返回 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('bidforge render');
    expect(r.out).toContain('bidforge check');
    expect(r.out).toMatch(/\b2\b/);
  });

  it('<命令> --help 只列出该命令的用法和选项', async () => {
    const cards = await cli('cards', '--help');
    expect(cards.code).toBe(0);
    expect(cards.out).toContain('--map');
    expect(cards.out).toContain('--layout');
    expect(cards.out).not.toContain('bidforge render');
    const render = await cli('render', '--help', '--lang', 'en');
    expect(render.out).toContain('--script hans|hant');
    expect(render.out).not.toContain('--per-card');
  });

  it('-h 等同于 --help', async () => {
    expect((await cli('-h')).code).toBe(0);
  });

  it('--version / -v 打印 package.json 中的版本号，返回 0', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRootDir, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = await cli(flag);
      expect(r.code).toBe(0);
      expect(r.out.trim()).toBe(`bidforge ${version}`);
    }
  });

  it('团队库（server、library sync）在总览、library --help 中列出，并有各自的 --help（中英文）', async () => {
    for (const lang of ['zh', 'en']) {
      const all = await cli('--help', '--lang', lang);
      expect(all.out).toContain('bidforge server');
      expect(all.out).toContain('bidforge library sync');
      const library = await cli('library', '--help', '--lang', lang);
      expect(library.out).toMatch(/^ {2}sync …/m);
    }
    const sync = await cli('library', 'sync', '--help');
    expect(sync.code).toBe(0);
    expect(sync.err).toBe('');
    expect(sync.out).toContain('--pull-only');
    expect(sync.out).toContain('团队库');
    expect(sync.out).not.toContain('bidforge render');
    const syncEn = await cli('library', 'sync', '-h', '--lang', 'en');
    expect(syncEn.code).toBe(0);
    expect(syncEn.out).toContain('--reason <text>');
    expect(syncEn.out).not.toMatch(/[\u4e00-\u9fff]/);
    const server = await cli('server', '--help', '--lang', 'en');
    expect(server.code).toBe(0);
    expect(server.out).toContain('add-user <name> --role admin|legal|writer');
    expect(server.out).toContain('--allow-plain-http');
    expect(server.out).not.toMatch(/[\u4e00-\u9fff]/);
    expect((await cli('server', '--help')).out).toContain('吊销');
  });
});

describe('the CLI on the data folder (--data, shared with the app)', () => {
  it('render records the clause versions the project used; new fills the company profile from settings', async () => {
    const { openStore } = await import('@core/library/store/index.js');
    const { SettingsStore } = await import('@core/settings/index.js');
    const data = tempDir('bf-cli-data-');
    await new SettingsStore({ dataDir: data }).save({
      company: { name: '滨江恒信机电工程有限公司', hotline: '400-800-9000' },
    });

    const created = join(tempDir('bf-cli-new-'), '新方案.json');
    expect((await cli('new', 'service-plan', '--out', created, '--data', data)).code).toBe(0);
    const project = JSON.parse(readFileSync(created, 'utf8')) as { bidder: string; values: Record<string, unknown> };
    expect(project.bidder).toBe('滨江恒信机电工程有限公司');
    expect(JSON.stringify(project.values)).toContain('400-800-9000');

    const out = tempDir('bf-cli-out-');
    expect((await cli('render', samplePath, '--out', out, '--format', 'docx', '--data', data)).code).toBe(0);
    const store = await openStore({ dataDir: data, program: 'test' });
    try {
      const projects = await store.listProjects();
      expect(projects).toHaveLength(1);
      expect(projects[0]!.name).toContain('售后服务方案');
      expect(projects[0]!.pins.length).toBeGreaterThan(5);
    } finally {
      await store.close();
    }
  });
});

describe('bidforge render on a bid package', () => {
  it('writes every document of the package, each named after the title and its document', async () => {
    const out = tempDir('bf-cli-pkg-');
    const file = join(repoRootDir, 'templates', 'samples', 'bid-package-sample.json');
    const r = await cli('render', file, '--out', out, '--format', 'docx');
    expect(r.code).toBe(0);
    const title = (JSON.parse(readFileSync(file, 'utf8')) as { title: string }).title;
    expect(readdirSync(out).sort()).toEqual(
      [
        `${title}-安装外包协议.docx`,
        `${title}-产品保修卡.docx`,
        `${title}-售后服务承诺书.docx`,
        `${title}-售后服务偏离表.docx`,
        `${title}.docx`,
      ].sort(),
    );
  });

  /** The package sample with a value only the installation agreement uses taken out. */
  const packageMissingPartyB = () => {
    const json = JSON.parse(
      readFileSync(join(repoRootDir, 'templates', 'samples', 'bid-package-sample.json'), 'utf8'),
    ) as { values: Record<string, unknown> };
    delete json.values.party_b_name;
    return writeFixture(tempDir(), 'package.json', json);
  };

  it('check finds an error in any document of the package, not only the main one, names the document and exits 1', async () => {
    const file = packageMissingPartyB();
    const r = await cli('check', file, '--lang', 'en');
    expect(r.code, r.all).toBe(1);
    expect(r.out).toMatch(
      /^error: .*package\.json \[install-agreement\]: The required variable “乙方名称” has no value$/m,
    );
    const json = JSON.parse((await cli('check', file, '--json')).out) as { code: string; document?: string }[];
    expect(json).toContainEqual(expect.objectContaining({ code: 'missing_value', document: 'install-agreement' }));
  });

  it('render of a package with an error in one document writes no file at all and exits 1', async () => {
    const out = tempDir('bf-cli-pkg-');
    const r = await cli('render', packageMissingPartyB(), '--out', out, '--format', 'docx');
    expect(r.code, r.all).toBe(1);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('bidforge new never replaces another project', () => {
  it('--out 指向已有的项目文件时拒绝，说出文件名，原文件（另一个项目）不变', async () => {
    const file = join(tempDir('bf-cli-exists-'), '某医院方案.json');
    expect((await cli('new', 'service-plan', '--out', file)).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    const r = await cli('new', 'service-plan', '--out', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toContain('不会覆盖');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((JSON.parse(before) as { id?: string }).id).toBeTruthy();
  });
});
