// Fills a new project's usual company fields from the settings' company profile, so nobody retypes them.
import type { Project } from '../model/project.js';
import type { VariableDecl } from '../model/variables.js';
import type { CompanyProfile } from './schema.js';

type ProfileField = Exclude<keyof CompanyProfile, 'logo'>;

/**
 * Variable keys (as declared in templates/clauses/*.md) that mean a profile field. Several clauses name the same
 * thing differently (投标人名称 in a plan, 乙方名称 in an agreement); the lists include likely future keys too.
 */
export const PROFILE_KEYS: Record<ProfileField, readonly string[]> = {
  name: ['company_name', 'bidder_name', 'party_b_name', 'supplier_name'],
  address: ['address', 'company_address', 'party_b_address'],
  hotline: ['hotline', 'service_hotline', 'party_b_phone', 'company_phone'],
  serviceHours: ['service_hours'],
  bankName: ['bank_name', 'party_b_bank_name'],
  bankAccount: ['bank_account', 'party_b_bank_account'],
  legalRepresentative: ['legal_representative', 'legal_rep', 'party_b_legal_representative'],
  creditCode: ['credit_code', 'unified_credit_code', 'party_b_credit_code'],
};

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The project with profile values put into every declared text key that is still empty or still holds the clause's
 * default; anything the writer typed is kept. `bidder` is filled the same way. Pure: returns a new project.
 */
export function fillFromProfile(
  project: Project,
  decls: ReadonlyMap<string, VariableDecl>,
  profile: CompanyProfile,
): Project {
  const values = { ...project.values };
  for (const [field, keys] of Object.entries(PROFILE_KEYS) as [ProfileField, readonly string[]][]) {
    const v = profile[field].trim();
    if (!v) continue;
    for (const key of keys) {
      const d = decls.get(key);
      if (!d || (d.type !== 'text' && d.type !== 'multiline')) continue;
      const cur = values[key];
      if (isBlank(cur) || (d.default !== undefined && cur === d.default)) values[key] = v;
    }
  }
  const bidder = isBlank(project.bidder) && profile.name.trim() ? profile.name.trim() : project.bidder;
  return { ...project, bidder, values };
}
