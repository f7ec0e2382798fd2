// A preview computes the 偏离表 rows once: assembly fills the table with them and hands the same rows to the checks
// and to the composer's panel, instead of each stage computing its own.
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import * as compute from '@core/deviation/compute.js';

vi.mock('@core/deviation/compute.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('@core/deviation/compute.js')>();
  return { ...original, evaluateRequirements: vi.fn(original.evaluateRequirements) };
});

describe('预览', () => {
  it('一次预览只计算一次偏离表（表格、检查和偏离表面板用同一份结果）', async () => {
    const api = createLocalClient(createHandlers({ templatesDir: 'templates' }));
    const { project } = await api.openSample({ name: 'bid-package-sample' });
    expect(project.requirements?.length).toBeGreaterThan(0);
    const evaluate = vi.mocked(compute.evaluateRequirements);
    evaluate.mockClear();
    const { deviations } = await api.preview({ project, document: 'deviation-table' });
    expect(evaluate).toHaveBeenCalledTimes(1);
    expect(deviations).toEqual(evaluate.mock.results[0]!.value);
    expect(deviations).toHaveLength(project.requirements!.length);
  });
});
