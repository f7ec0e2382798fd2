// A section that prints nothing is an error in every layout: a report names its 一、 chapter, and a letter (承诺书),
// which prints no headings at all, still names the section by its title — the check reads what assembly printed,
// not the headings.
import { describe, expect, it } from 'vitest';
import type { Project } from '@core/model/project.js';
import { api } from '../helpers/sample.js';

const emptyOf = (problems: { code: string; section?: string }[]) =>
  problems.filter((p) => p.code === 'empty_section').map((p) => p.section);

describe('empty_section in every layout', () => {
  it('a letter section made only of promises, none offered, is reported by its title', async () => {
    const a = api();
    const { project } = await a.openSample({ name: 'commitment-letter-sample' });
    // The letter as its blueprint lays it out, with one more section: the warranty, promise by promise.
    const outline = [
      { title: '承诺说明', clauses: [{ id: 'cl-addressee', variant: '标准' }] },
      { title: '保修承诺', clauses: [{ id: 'warranty-terms', variant: '逐项承诺' }] },
      {
        title: '售后服务承诺事项',
        clauses: [
          { id: 'cl-commitments', variant: '逐项承诺' },
          { id: 'cl-closing', variant: '标准' },
        ],
      },
    ];
    const withWarranty: Project = { ...project, outline: { [project.blueprint]: outline } };
    const offered = await a.preview({ project: withWarranty });
    expect(offered.document.meta.layout).toBe('letter');
    expect(emptyOf(offered.problems)).toEqual([]);

    const noWarranty: Project = {
      ...withWarranty,
      commitments: (project.commitments ?? []).filter((c) => c.kind !== 'warranty'),
    };
    const after = await a.preview({ project: noWarranty });
    expect(emptyOf(after.problems)).toEqual(['保修承诺']);
    expect(after.document.blocks.some((b) => b.kind === 'heading')).toBe(false);
  });
});
