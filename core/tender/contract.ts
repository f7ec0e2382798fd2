// The tender feature's API channels: request schemas and result types. Pure (zod + types), so the renderer can import
// them through core/api/contract.ts; the handlers that read files and assemble packages are in core/tender/handlers.ts.
import { z } from 'zod';
import { projectSchema } from '../model/project.js';
import { MAX_BYTES } from './limits.js';
import type { TenderReading } from './model.js';
import type { SelfCheckRow } from './selfCheck.js';

export const tenderRequestSchemas = {
  /** A tender's DOCX or PDF, base64 in the body like the warranty-card files. */
  readTender: z.object({
    fileName: z.string().min(1).max(500),
    data: z
      .string()
      .min(1)
      .max(Math.ceil(MAX_BYTES / 3) * 4, `招标文件不能超过 ${MAX_BYTES / 1024 / 1024} MB`),
  }),
  /** 自查: the project's ★ items, 废标 conditions, mandated documents and sections, and figures across documents. */
  tenderSelfCheck: z.object({ project: projectSchema }),
  /** The same as an XLSX (one sheet), headers and wording in `lang` (Chinese by default). */
  exportTenderSelfCheck: z.object({ project: projectSchema, lang: z.enum(['zh', 'en']).optional() }),
} as const;

type Req<C extends keyof typeof tenderRequestSchemas> = z.infer<(typeof tenderRequestSchemas)[C]>;

export type TenderHandlers = {
  readTender(req: Req<'readTender'>): Promise<TenderReading>;
  tenderSelfCheck(req: Req<'tenderSelfCheck'>): Promise<{ rows: SelfCheckRow[] }>;
  exportTenderSelfCheck(req: Req<'exportTenderSelfCheck'>): Promise<{ fileName: string; bytes: Uint8Array }>;
};
