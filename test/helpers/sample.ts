// The shipped sample project, loaded through the same API every shell uses.
import { readFileSync } from 'node:fs';
import { createHandlers } from '@core/api/handlers.js';
import type { ApiHandlers } from '@core/api/contract.js';
import type { Document } from '@core/model/document.js';
import type { Problem } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import { samplePath, templatesDir } from './paths.js';

export type Sample = { api: ApiHandlers; project: Project; document: Document; problems: Problem[] };

export function api(): ApiHandlers {
  return createHandlers({ templatesDir });
}

/** The sample project, assembled. */
export async function loadSample(): Promise<Sample> {
  const a = api();
  const { project } = await a.openSample({ name: 'service-plan-sample' });
  const { document, problems } = await a.preview({ project });
  return { api: a, project, document, problems };
}

/** The sample's raw JSON, as a user wrote it (for expectations that must not come from the code under test). */
export function sampleJson(): {
  name: string;
  title: string;
  values: Record<string, unknown> & {
    fee_items: { item: string; price: string; unit: string; note: string }[];
    training_schedule: {
      session: string;
      date: string;
      hours: number;
      trainees: string;
      content: string;
      place: string;
      trainer: string;
    }[];
  };
} & Record<string, unknown> {
  return JSON.parse(readFileSync(samplePath, 'utf8'));
}

/** The ten section headings of the service-plan blueprint, numbered as a reader expects. */
export const SECTION_HEADINGS = [
  '一、服务宗旨',
  '二、服务承诺',
  '三、故障分级与响应',
  '四、保修条款',
  '五、免责条款',
  '六、保修期外收费标准',
  '七、定期巡检与保养',
  '八、培训计划',
  '九、投诉处理与回访',
  '十、联系方式',
] as const;

/** Every heading (number + text) of an assembled document, in order. */
export function headingsOf(doc: Document): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.number}${b.text}`] : []));
}

/** Every table of an assembled document: header then rows. */
export function tablesOf(doc: Document): string[][][] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [[b.header, ...b.rows]] : []));
}
