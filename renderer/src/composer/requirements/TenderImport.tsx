// 导入招标文件: reads the tender through the readTender channel and lists the proposed rows with their page and
// paragraph; the writer confirms (the row joins the project's requirements) or dismisses each. Nothing joins unasked.
import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { VariableField } from '@core/api/contract.js';
import type { Requirement } from '@core/deviation/schema.js';
import { againstRequirements, type AgainstProject } from '@core/tender/diff.js';
import { MAX_BYTES } from '@core/tender/limits.js';
import { tenderErrorText } from '@core/tender/messages.js';
import type { TenderReading, TenderRow } from '@core/tender/model.js';
import { CONFIRMABLE, toRequirement } from '@core/tender/toRequirement.js';
import { api, errorMessage } from '../../api.js';
import { fileToBase64 } from '../../cards/fileData.js';
import { useI18n, type Translate } from '../../i18n.js';

const OP: Record<string, string> = { '<=': '≤', '>=': '≥', '=': '=' };

function place(r: TenderRow, basis: TenderReading['paragraphBasis'], t: Translate): string {
  const page = r.loc.pageEnd ? `${r.loc.page}–${r.loc.pageEnd}` : r.loc.page;
  const where = t(basis === 'page' ? 'tender.place.page' : 'tender.place.document', {
    page,
    paragraph: r.loc.paragraph,
  });
  return 'table' in r.loc ? `${where} ${t('tender.place.cell', { table: r.loc.table, row: r.loc.row })}` : where;
}

type RowViewProps = {
  r: TenderRow;
  basis: TenderReading['paragraphBasis'];
  onConfirm?: () => void;
  confirmLabel?: 'tender.confirm' | 'tender.addAsText';
  onDismiss: () => void;
  testId: string;
};

function RowView({ r, basis, onConfirm, confirmLabel = 'tender.confirm', onDismiss, testId }: RowViewProps) {
  const { t } = useI18n();
  const figure = r.op ? `${OP[r.op]} ${r.schedule ?? `${r.value}${r.unit ?? ''}`}` : '';
  return (
    <li className="bf-tender-row" data-testid={testId}>
      <div className="bf-tender-meta">
        <span className="bf-muted">{place(r, basis, t)}</span>
        <Tag color={r.kind === 'star' || r.kind === 'disqualify' ? 'red' : r.kind === 'triangle' ? 'orange' : 'blue'}>
          {t(`tender.kind.${r.kind}`)}
        </Tag>
        {figure && <Tag>{figure}</Tag>}
        {r.points !== undefined && <Tag>{t('tender.points', { points: r.points })}</Tag>}
      </div>
      <div className="bf-tender-text">{r.text}</div>
      {r.form?.columns && <div className="bf-muted">{r.form.columns.join(' | ')}</div>}
      <div className="bf-tender-actions">
        {onConfirm ? (
          <Button size="small" type="primary" onClick={onConfirm} data-testid={`${testId}-confirm`}>
            {t(confirmLabel)}
          </Button>
        ) : (
          <span className="bf-muted">{t('tender.formNote')}</span>
        )}
        <Button size="small" onClick={onDismiss} data-testid={`${testId}-dismiss`}>
          {t('tender.dismiss')}
        </Button>
      </div>
    </li>
  );
}

type TenderImportProps = {
  fields: VariableField[];
  /** The project's confirmed requirements: a tender read again is compared with them. */
  requirements: Requirement[];
  onConfirm: (rows: Requirement[]) => void;
  /** Replaces the whole list (a changed requirement updated, a dropped one removed). */
  onChange: (requirements: Requirement[]) => void;
};

export function TenderImport({ fields, requirements, onConfirm, onChange }: TenderImportProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [reading, setReading] = useState<TenderReading | null>(null);
  const [rows, setRows] = useState<TenderRow[]>([]);
  const [review, setReview] = useState<TenderRow[]>([]);
  const [busy, setBusy] = useState(false);
  // What a tender read again changed in the confirmed requirements (by their index when it was read).
  const [against, setAgainst] = useState<Omit<AgainstProject, 'held'> | null>(null);
  const known = new Set(fields.map((f) => f.key));

  const pick = async (f: File) => {
    if (f.size > MAX_BYTES) return void message.error(t('tender.tooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
    setBusy(true);
    try {
      const r = await api.readTender({ fileName: f.name, data: await fileToBase64(f) });
      // Rows the project already holds unchanged are not proposed again; changed and dropped ones are flagged.
      const vs = againstRequirements(r.rows, requirements);
      const changedRows = new Set(vs.changed.map((c) => c.row));
      setReading(r);
      setRows(r.rows.filter((x, i) => !vs.held.includes(i) && !changedRows.has(x)));
      setReview(r.review.filter((x) => !requirements.some((q) => q.text === x.text)));
      setAgainst(vs.changed.length || vs.removed.length ? { changed: vs.changed, removed: vs.removed } : null);
      message.info(t('tender.read', { file: r.fileName, pages: r.pages, count: r.rows.length }));
    } catch (e) {
      const err = e as { code?: string; message?: string; params?: Record<string, unknown> };
      message.error(
        t('tender.failed', {
          message: err.code
            ? tenderErrorText({ ...err, message: errorMessage(e) }, locale === 'en' ? 'en' : 'zh')
            : errorMessage(e),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  const confirm = (rs: TenderRow[]) => onConfirm(rs.map((r) => toRequirement(r, known)));
  const without = (list: TenderRow[], i: number) => list.filter((_, k) => k !== i);
  const basis = reading?.paragraphBasis ?? 'page';

  return (
    <div className="bf-tender" data-testid="tender-import-panel">
      <div className="bf-reqs-actions">
        <span className="bf-muted bf-tender-hint">{t('tender.importHint')}</span>
        <Upload accept=".docx,.pdf,.doc,.wps" showUploadList={false} beforeUpload={(f) => (void pick(f), false)}>
          <Button icon={<ImportOutlined />} loading={busy} data-testid="tender-import">
            {t('tender.import')}
          </Button>
        </Upload>
      </div>
      {against && (
        <section className="bf-reqs-proposals bf-tender-against" data-testid="tender-against">
          <h3 className="bf-reqs-subtitle">
            {t('tender.against', { changed: against.changed.length, removed: against.removed.length })}
          </h3>
          <ol className="bf-req-list">
            {against.changed.map((c, i) => (
              <li className="bf-tender-row" key={`c${c.index}`} data-testid={`tender-changed-${i}`}>
                <div className="bf-tender-meta">
                  <Tag color="orange">{t('tender.changedRow', { row: c.index + 1 })}</Tag>
                  <span className="bf-muted">{requirements[c.index]?.text}</span>
                </div>
                <div className="bf-tender-text">→ {c.row.text}</div>
                <div className="bf-tender-actions">
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`tender-changed-${i}-update`}
                    onClick={() => {
                      const old = requirements[c.index];
                      if (old)
                        onChange(
                          requirements.map((q, k) =>
                            k === c.index
                              ? {
                                  ...toRequirement(c.row, known),
                                  ...(q.key && !c.row.key ? { key: q.key } : {}),
                                  ...(old.accepted ? { accepted: old.accepted } : {}),
                                }
                              : q,
                          ),
                        );
                      setAgainst((a) => a && { ...a, changed: a.changed.filter((_, k) => k !== i) });
                    }}
                  >
                    {t('tender.updateRow')}
                  </Button>
                </div>
              </li>
            ))}
            {against.removed.map((index) => (
              <li className="bf-tender-row" key={`r${index}`} data-testid={`tender-removed-${index}`}>
                <div className="bf-tender-meta">
                  <Tag color="red">{t('tender.removedRow', { row: index + 1 })}</Tag>
                </div>
                <div className="bf-tender-text">{requirements[index]?.text}</div>
              </li>
            ))}
          </ol>
        </section>
      )}
      {reading && rows.length > 0 && (
        <section className="bf-reqs-proposals" aria-label={t('tender.rows', { count: rows.length })}>
          <div className="bf-reqs-head">
            <h3 className="bf-reqs-subtitle">{t('tender.rows', { count: rows.length })}</h3>
            <Button size="small" onClick={() => setRows([])} data-testid="tender-dismiss-all">
              {t('tender.dismissAll')}
            </Button>
            <Button
              size="small"
              type="primary"
              onClick={() => {
                confirm(rows.filter((r) => CONFIRMABLE.has(r.kind)));
                setRows(rows.filter((r) => !CONFIRMABLE.has(r.kind)));
              }}
              data-testid="tender-confirm-all"
            >
              {t('tender.confirmAll')}
            </Button>
          </div>
          {reading.paragraphBasis === 'document' && <p className="bf-muted">{t('tender.pagesFromBreaks')}</p>}
          <ol className="bf-req-list">
            {rows.map((r, i) => (
              <RowView
                key={`${r.loc.page}-${r.loc.paragraph}-${i}`}
                r={r}
                basis={basis}
                testId={`tender-row-${i}`}
                {...(CONFIRMABLE.has(r.kind)
                  ? {
                      onConfirm: () => {
                        confirm([r]);
                        setRows((rs) => without(rs, i));
                      },
                    }
                  : {})}
                onDismiss={() => setRows((rs) => without(rs, i))}
              />
            ))}
          </ol>
        </section>
      )}
      {review.length > 0 && (
        <details className="bf-tender-review" data-testid="tender-review">
          <summary>{t('tender.review', { count: review.length })}</summary>
          <ol className="bf-req-list">
            {review.map((r, i) => (
              <RowView
                key={`${r.loc.page}-${r.loc.paragraph}-${i}`}
                r={r}
                basis={basis}
                testId={`tender-review-${i}`}
                confirmLabel="tender.addAsText"
                onConfirm={() => {
                  confirm([r]);
                  setReview((rs) => without(rs, i));
                }}
                onDismiss={() => setReview((rs) => without(rs, i))}
              />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
