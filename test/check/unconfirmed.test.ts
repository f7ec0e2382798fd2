// A fact added from the 承诺 catalogue holds the catalogue's example figure until the writer types or confirms one:
// the check names it by its label with the example, as an error (export refuses errors), in Chinese and English.
// The mark round-trips through a project file; files without it (every sample) are confirmed and check clean of it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitmentsSchema } from '@core/commitments/schema.js';
import { problemText } from '@core/i18n/problemText.js';
import { parseProjectText } from '@core/project/parse.js';
import { templatesDir } from '../helpers/paths.js';
import { factsContext, problemsOf } from './context.js';

const arrive = { id: 'arrive', kind: 'arrive', within: { value: 2, unit: '小时' }, from: 'notice' };
const hours = { id: 'hotline_hours', kind: 'service_hours', schedule: '7x24', scope: { channel: 'hotline' } };

describe('示例数值尚未确认的承诺', () => {
  it('报错，以承诺的名称称呼，并写出示例数值（中文与英文）', () => {
    const [p, ...rest] = problemsOf(factsContext([{ ...arrive, unconfirmed: true }]), 'unconfirmed_figure');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', field: 'commitments.0' });
    expect(p!.message).toBe('「到达现场时限」的数值是示例（2小时），尚未确认：请填写或确认后再导出');
    expect(problemText(p!, 'en')).toBe(
      '“到达现场时限” shows an example figure (2小时) that nobody has confirmed: enter the figure or confirm it before exporting',
    );
  });

  it('用承诺自己的名称；服务时间的示例是 7×24 小时', () => {
    const named = problemsOf(
      factsContext([{ ...arrive, label: '现场到达时间', unconfirmed: true }]),
      'unconfirmed_figure',
    );
    expect(named[0]!.message).toContain('「现场到达时间」的数值是示例（2小时）');
    const [h] = problemsOf(factsContext([{ ...hours, unconfirmed: true }]), 'unconfirmed_figure');
    expect(h!.message).toContain('（7×24小时）');
  });

  it('已确认（无标记或 false）或不承诺的一项不报；每项未确认的各报一次', () => {
    expect(problemsOf(factsContext([arrive, { ...hours, unconfirmed: false }]), 'unconfirmed_figure')).toEqual([]);
    expect(problemsOf(factsContext([{ ...arrive, offered: false, unconfirmed: true }]), 'unconfirmed_figure')).toEqual(
      [],
    );
    const both = problemsOf(
      factsContext([
        { ...arrive, unconfirmed: true },
        { ...hours, unconfirmed: true },
      ]),
      'unconfirmed_figure',
    );
    expect(both.map((p) => p.field)).toEqual(['commitments.0', 'commitments.1']);
  });
});

describe('项目文件中的标记', () => {
  it('保存再读取后保留；没有标记的一项读取后也没有', () => {
    const facts = commitmentsSchema.parse([{ ...arrive, unconfirmed: true }, hours]);
    const again = commitmentsSchema.parse(JSON.parse(JSON.stringify(facts)));
    expect(again[0]!.unconfirmed).toBe(true);
    expect(again[1]).not.toHaveProperty('unconfirmed');
    expect(again).toEqual(facts);
  });

  it('示例项目都不带标记', () => {
    const dir = join(templatesDir, 'samples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const project = parseProjectText(readFileSync(join(dir, f), 'utf8'), f);
      // A package's documents are files of their own, named by path, or inline projects.
      const inline = (project.documents ?? []).filter((d) => typeof d !== 'string');
      const all = [project, ...inline].flatMap((p) => p.commitments ?? []);
      expect(all.filter((c) => c.unconfirmed)).toEqual([]);
    }
  });
});
