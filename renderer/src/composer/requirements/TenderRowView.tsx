// One row read from the tender: its place (page and paragraph), kind, figure and words, with confirm and dismiss — or,
// once decided, its decision and a way back to pending.
import { Button, Tag } from 'antd';
import type { TenderReading, TenderRow } from '@core/tender/model.js';
import type { Decision } from '@core/tender/projectTender.js';
import { useI18n, type Translate } from '../../i18n.js';

const OP: Record<string, string> = { '<=': '≤', '>=': '≥', '=': '=' };

export function place(r: Pick<TenderRow, 'loc'>, basis: TenderReading['paragraphBasis'], t: Translate): string {
  const page = r.loc.pageEnd ? `${r.loc.page}–${r.loc.pageEnd}` : r.loc.page;
  const where = t(basis === 'page' ? 'tender.place.page' : 'tender.place.document', {
    page,
    paragraph: r.loc.paragraph,
  });
  return 'table' in r.loc ? `${where} ${t('tender.place.cell', { table: r.loc.table, row: r.loc.row })}` : where;
}

type RowViewProps = {
  r: TenderRow & { decision?: Decision; change?: 'added' | 'changed' | 'removed'; was?: string };
  basis: TenderReading['paragraphBasis'];
  onConfirm?: () => void;
  confirmLabel?: 'tender.confirm' | 'tender.addAsText' | 'forms.confirm';
  onDismiss?: () => void;
  /** Decided rows: back to pending. */
  onReopen?: () => void;
  testId: string;
};

export function RowView({
  r,
  basis,
  onConfirm,
  confirmLabel = 'tender.confirm',
  onDismiss,
  onReopen,
  testId,
}: RowViewProps) {
  const { t } = useI18n();
  const figure = r.op ? `${OP[r.op]} ${r.schedule ?? `${r.value}${r.unit ?? ''}`}` : '';
  const decided = r.decision === 'confirmed' || r.decision === 'dismissed';
  return (
    <li className="bf-tender-row" data-testid={testId}>
      <div className="bf-tender-meta">
        <span className="bf-muted">{place(r, basis, t)}</span>
        <Tag color={r.kind === 'star' || r.kind === 'disqualify' ? 'red' : r.kind === 'triangle' ? 'orange' : 'blue'}>
          {t(`tender.kind.${r.kind}`)}
        </Tag>
        {figure && <Tag>{figure}</Tag>}
        {r.points !== undefined && <Tag>{t('tender.points', { points: r.points })}</Tag>}
        {r.change && <Tag color="purple">{t(`tender.change.${r.change}`)}</Tag>}
        {decided && (
          <Tag color={r.decision === 'confirmed' ? 'green' : 'default'} data-testid={`${testId}-decision`}>
            {t(`tender.decision.${r.decision as 'confirmed' | 'dismissed'}`)}
          </Tag>
        )}
      </div>
      <div className="bf-tender-text">{r.text}</div>
      {r.was && <div className="bf-muted">{t('tender.was', { text: r.was })}</div>}
      {r.form?.columns && <div className="bf-muted">{r.form.columns.join(' | ')}</div>}
      <div className="bf-tender-actions">
        {decided ? (
          onReopen && (
            <Button size="small" onClick={onReopen} data-testid={`${testId}-reopen`}>
              {t('tender.reopen')}
            </Button>
          )
        ) : (
          <>
            {onConfirm ? (
              <Button size="small" type="primary" onClick={onConfirm} data-testid={`${testId}-confirm`}>
                {t(confirmLabel)}
              </Button>
            ) : (
              <span className="bf-muted">{t('tender.formNote')}</span>
            )}
            {onDismiss && (
              <Button size="small" onClick={onDismiss} data-testid={`${testId}-dismiss`}>
                {t('tender.dismiss')}
              </Button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
