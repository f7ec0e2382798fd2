// The company a card prints: 设置 → 公司信息 (the company profile), or a company's own card template where the profile
// leaves a line blank. Never a sample: the built-in templates carry no company, and a batch whose company name or
// hotline is blank, or a placeholder such as 待定 or XXX, is refused (card_profile_missing) rather than printed — a
// card with a wrong hotline sends hundreds of customers nowhere, on paper and in its QR code.
import { PLACEHOLDER } from '../check/valueRules.js';
import type { BidForgeError } from '../model/problem.js';
import type { CompanyProfile } from '../settings/schema.js';
import { cardProfileMissing, type ProfileField, type ProfileGap } from './cardsText.js';
import type { CardTemplate } from './template.js';

/** The template with the profile's name, hotline and service hours where they are set. */
export function withProfile(
  t: CardTemplate,
  c: Pick<CompanyProfile, 'name' | 'hotline' | 'serviceHours'>,
): CardTemplate {
  return {
    ...t,
    company: c.name.trim() || t.company,
    hotline: c.hotline.trim() || t.hotline,
    serviceHours: c.serviceHours.trim() || t.serviceHours,
  };
}

/** The lines a card cannot print without. */
const REQUIRED: ProfileField[] = ['name', 'hotline'];
const FIELD_OF: Record<ProfileField, 'company' | 'hotline' | 'serviceHours'> = {
  name: 'company',
  hotline: 'hotline',
  serviceHours: 'serviceHours',
};

/**
 * Why the templates (as printed, with the profile) cannot print, or undefined when they can.
 * Service hours may be blank: the card then prints no hours line (core/cards/card.ts passes '' through, the printers
 * leave it out), which is true, where a sample “周一至周五 9:00—18:00” would promise hours nobody offered. Refusing a
 * blank would stop companies that state no hours; a placeholder in them is refused like any other.
 */
export function profileGaps(templates: readonly CardTemplate[]): BidForgeError | undefined {
  const gaps: ProfileGap[] = [];
  for (const field of [...REQUIRED, 'serviceHours' as const])
    for (const t of templates) {
      const value = t[FIELD_OF[field]].trim();
      const gap = !value ? REQUIRED.includes(field) : PLACEHOLDER.test(value);
      if (gap && !gaps.some((g) => g.field === field && g.value === value)) gaps.push({ field, value });
    }
  return gaps.length ? cardProfileMissing(gaps) : undefined;
}
