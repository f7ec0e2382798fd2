// The 目录 the tender mandates as a checklist of the package's documents and sections: after the self-check, each
// entry is present or missing (the self-check's document and section findings name the missing ones by their place).
import { Tag } from 'antd';
import type { Loc } from '@core/tender/model.js';
import type { SelfCheckRow } from '@core/tender/selfCheck.js';
import type { ProjectTender } from '@core/tender/projectTender.js';
import { useI18n } from '../../i18n.js';

const samePlace = (a: Loc, b: Loc | undefined) => !!b && a.page === b.page && a.paragraph === b.paragraph;

export function TocChecklist({ tender, findings }: { tender?: ProjectTender; findings: SelfCheckRow[] | null }) {
  const { t } = useI18n();
  const entries = (tender?.rows ?? []).filter(
    (r) => r.kind === 'toc' && r.decision !== 'dismissed' && r.change !== 'removed',
  );
  if (!entries.length) return null;
  /** missing: the package lacks it; elsewhere: a document this software does not make (prepared apart). */
  const state = (loc: Loc): 'present' | 'missing' | 'elsewhere' => {
    const f = findings?.find((x) => (x.kind === 'document' || x.kind === 'section') && samePlace(loc, x.where));
    return !f ? 'present' : f.code === 'document_elsewhere' ? 'elsewhere' : 'missing';
  };
  const COLOR = { present: 'green', missing: 'red', elsewhere: 'gold' } as const;
  return (
    <div data-testid="toc-checklist">
      <h4 className="bf-reqs-subtitle">{t('toc.title', { count: entries.length })}</h4>
      {!findings && <p className="bf-muted">{t('toc.unchecked')}</p>}
      <ul className="bf-req-list">
        {entries.map((r, k) => (
          <li key={`${k}-${r.text}`} data-testid={`toc-entry-${k}`}>
            {findings && <Tag color={COLOR[state(r.loc)]}>{t(`toc.${state(r.loc)}`)}</Tag>}
            {r.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
