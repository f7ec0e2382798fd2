// A project file: which blueprint, the document's metadata, and one value per variable key.
import { z } from 'zod';
import { isValidIsoDate } from './variables.js';

export const projectSchema = z.object({
  schema: z.literal(1),
  name: z.string().regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'a name usable as a file name'),
  title: z.string().min(1).max(200),
  blueprint: z.string().min(1),
  projectNo: z.string().max(100).default(''),
  bidder: z.string().max(200).default(''),
  date: z.string().refine(isValidIsoDate, 'a real calendar date like 2026-11-24'),
  script: z.enum(['hans', 'hant']).default('hans'),
  values: z.record(z.string(), z.unknown()).default({}),
});
export type Project = z.infer<typeof projectSchema>;
