// A warranty-card template (保修卡): the short printed terms, and — in a company's own template only — its
// per-component warranty periods, company, hotline and service hours. The built-in templates carry none of those: a
// card prints the company 设置 → 公司信息 holds and the periods of the project chosen or typed on the 保修卡 screen
// (core/cards/handlers.ts, periodGaps.ts), never a sample company or a sample 3-year warranty nobody decided.
import { readdir, readFile } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { fsProblem, fsProblemZh } from '../fs/fsProblem.js';
import { bilingual, jsonWhere, said, zodDetail } from '../model/zodDetail.js';
import { badCardTemplate } from './cardsText.js';
import { CARD_FIELDS } from './fields.js';
import { ONE_PERIOD_MESSAGE, periodFieldsShape, statesOnePeriod } from './period.js';

const line = z.string().trim().min(1, said('不能为空', 'may not be empty'));
/** A line the template may leave out: the company's own, which 设置 fills when the template has none. */
const own = z.string().trim().default('');

export const cardComponentSchema = z
  .object({ name: line, ...periodFieldsShape })
  .refine(statesOnePeriod, bilingual(ONE_PERIOD_MESSAGE, 'state the period in exactly one of months, weeks or days'));

export const cardTemplateSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]*$/,
        said('id 只能由小写字母、数字和连字符组成', 'the id may only hold lower-case letters, digits and hyphens'),
      ),
    title: line,
    company: own,
    hotline: own,
    serviceHours: own,
    /** The company's own periods; none in the built-in templates (a batch without periods is refused). */
    components: z.array(cardComponentSchema).default([]),
    coverage: z.array(line).default([]),
    exclusions: z.array(line).default([]),
    claim: z.array(line).default([]),
    sanbao: z.array(line).default([]),
    dealerStampLabel: line.default('经销商（盖章）'),
    /**
     * Values of the batch's product column that pick this template when one batch holds several product types:
     * "空气能热水器", or a model family with * ("KRS-*"); compared without case, width or spaces.
     */
    match: z.array(line).default([]),
    /** The fields the card prints, in card order; all of them when left out. */
    fields: z.array(z.enum(CARD_FIELDS)).min(1).optional(),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.components.forEach((c, i) => {
      if (seen.has(c.name))
        ctx.addIssue({
          code: 'custom',
          path: ['components', i, 'name'],
          ...bilingual(`保修部件“${c.name}”重复`, `the component “${c.name}” is listed twice`),
        });
      seen.add(c.name);
    });
  });

export type CardComponent = z.infer<typeof cardComponentSchema>;
export type CardTemplate = z.infer<typeof cardTemplateSchema>;

/** templates/ of the repository, next to core/. */
export const defaultTemplatesDir = fileURLToPath(new URL('../../templates', import.meta.url));

export function parseCardTemplate(json: unknown, file: string): CardTemplate {
  const r = cardTemplateSchema.safeParse(json, { reportInput: true });
  if (!r.success) throw badCardTemplate('fields', { file, ...zodDetail(r.error) });
  return r.data;
}

/**
 * Loads a card template from a path ("my/card.json") or by id ("standard" → templates/cards/standard.json).
 * Without an argument: the shipped standard template.
 */
export async function loadCardTemplate(
  pathOrId = 'standard',
  templatesDir = defaultTemplatesDir,
): Promise<CardTemplate> {
  const byId = /^[a-z0-9][a-z0-9-]*$/.test(pathOrId);
  const path = byId
    ? join(templatesDir, 'cards', `${pathOrId}.json`)
    : isAbsolute(pathOrId)
      ? pathOrId
      : join(process.cwd(), pathOrId);
  const label = byId ? `templates/cards/${pathOrId}.json` : basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw badCardTemplate('not_found', { template: byId ? pathOrId : path });
    throw badCardTemplate('unreadable', { file: path, reason: fsProblemZh(e), reasonEn: fsProblem(e) });
  }
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (e) {
    const where = jsonWhere(body, e);
    throw badCardTemplate('json', { file: label, whereZh: where.zh, whereEn: where.en, ...where.params });
  }
  return parseCardTemplate(json, label);
}

/** Every template under templates/cards/, by id order (the picker for batches with several product types). */
export async function loadCardTemplates(templatesDir = defaultTemplatesDir): Promise<CardTemplate[]> {
  const files = (await readdir(join(templatesDir, 'cards')).catch(() => [] as string[]))
    .filter((f) => /^[a-z0-9][a-z0-9-]*\.json$/.test(f))
    .sort();
  return Promise.all(files.map((f) => loadCardTemplate(f.replace(/\.json$/, ''), templatesDir)));
}

/** The template with other warranty periods (edited on the 保修卡 screen, or a project's). */
export const withComponents = (t: CardTemplate, components: CardComponent[] | undefined): CardTemplate =>
  components ? { ...t, components } : t;
