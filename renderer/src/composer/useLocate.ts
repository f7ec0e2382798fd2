// Where a problem points: its field's label for the problems list, and locate() — open the field's tab (and its
// form section), scroll to it, put the cursor in it and flash it. Fields: project metadata, values.<key>,
// requirements.<n> (招标要求) and commitments.<n> (承诺).
import { useCallback, type Dispatch, type SetStateAction } from 'react';
import type { VariableField } from '@core/api/contract.js';
import type { Commitment } from '@core/commitments/schema.js';
import type { Problem } from '@core/model/problem.js';
import { useI18n } from '../i18n.js';
import type { LeftTab } from './ComposerPanes.js';
import { factDomId, factInputId, factName } from './facts/FactRow.js';
import { fieldDomId } from './FieldsForm.js';
import { META_FIELDS, META_LABELS, metaDomId, type MetaField } from './MetaForm.js';
import { requirementDomId } from './requirements/RequirementRow.js';

const isMetaField = (f: string): f is MetaField => (META_FIELDS as readonly string[]).includes(f);
const requirementIndex = (field: string) => /^requirements\.(\d+)/.exec(field)?.[1];
const factIndex = (field: string) => /^commitments\.(\d+)/.exec(field)?.[1];

type Args = {
  fieldByKey: Map<string, VariableField>;
  commitments: readonly Commitment[] | undefined;
  leftTab: LeftTab;
  setLeftTab: (tab: LeftTab) => void;
  activeSections: string[];
  setActiveSections: Dispatch<SetStateAction<string[]>>;
};

export function useLocate({ fieldByKey, commitments, leftTab, setLeftTab, activeSections, setActiveSections }: Args) {
  const { t, locale } = useI18n();

  const labelOf = useCallback(
    (field: string) => {
      if (isMetaField(field)) return t(META_LABELS[field]);
      const req = requirementIndex(field);
      if (req !== undefined) return t('req.rowLabel', { n: Number(req) + 1 });
      const fact = factIndex(field);
      if (fact !== undefined) {
        const c = commitments?.[Number(fact)];
        return c ? factName(c, t, locale === 'zh-CN') : undefined;
      }
      const key = field.startsWith('values.') ? field.slice('values.'.length) : undefined;
      return key ? fieldByKey.get(key)?.label : undefined;
    },
    [commitments, fieldByKey, locale, t],
  );

  /** The field a problem is about: its own field, or the variable a template error names (those carry only the clause). */
  const targetOf = useCallback(
    (p: Problem) => {
      if (p.field) return p.field;
      const m = /变量 ([a-z][a-z0-9_]*) /.exec(p.message);
      return m && fieldByKey.has(m[1]!) ? `values.${m[1]}` : undefined;
    },
    [fieldByKey],
  );

  /** Scrolls to a field (opening its tab and section) and puts the cursor in it. */
  const locate = useCallback(
    (field: string) => {
      let domId: string | undefined;
      let inputId: string | undefined;
      let wait = 0;
      const req = requirementIndex(field);
      const fact = factIndex(field);
      const tab: LeftTab = req !== undefined ? 'requirements' : fact !== undefined ? 'facts' : 'content';
      if (tab !== leftTab) {
        setLeftTab(tab);
        wait = 120;
      }
      if (req !== undefined) domId = requirementDomId(Number(req));
      else if (fact !== undefined) {
        domId = factDomId(Number(fact));
        inputId = factInputId(Number(fact));
      } else if (isMetaField(field)) domId = metaDomId(field);
      else if (field.startsWith('values.')) {
        const f = fieldByKey.get(field.slice('values.'.length));
        if (!f) return;
        domId = fieldDomId(f.key);
        if (!activeSections.includes(f.section)) {
          setActiveSections((s) => [...s, f.section]);
          wait = 320;
        }
      }
      if (!domId) return;
      const id = domId;
      setTimeout(() => {
        const el = document.getElementById(id);
        if (!el) return;
        el.scrollIntoView({ behavior: 'smooth', block: 'center' });
        const input =
          (inputId ? document.getElementById(inputId) : null) ??
          el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, [role=switch], [tabindex="0"]');
        input?.focus({ preventScroll: true });
        el.classList.remove('bf-flash');
        void el.offsetWidth;
        el.classList.add('bf-flash');
      }, wait);
    },
    [activeSections, fieldByKey, leftTab, setLeftTab, setActiveSections],
  );

  return { labelOf, targetOf, locate };
}
