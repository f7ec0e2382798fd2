// 导入招标文件: reads the tender through the readTender channel and keeps it in the project (project.tender): every
// proposed row with its page and paragraph and the writer's decision. Confirming a row adds it to the requirements;
// nothing joins unasked. Reopening the project shows the rows as decided; importing a newer version (澄清) compares it
// with the stored rows and marks the confirmed requirements and facts it touches.
import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Tag, Upload } from 'antd';
import type { VariableField } from '@core/api/contract.js';
import { factLabel } from '@core/commitments/phrase.js';
import type { Requirement } from '@core/deviation/schema.js';
import type { Project } from '@core/model/project.js';
import { againstRequirements } from '@core/tender/diff.js';
import { MAX_BYTES } from '@core/tender/limits.js';
import { tenderErrorText } from '@core/tender/messages.js';
import type { TenderReading } from '@core/tender/model.js';
import {
  clarify,
  decide,
  linkedRequirements,
  rowOf,
  tenderRecord,
  type Decision,
  type ProjectTender,
} from '@core/tender/projectTender.js';
import { CONFIRMABLE, toRequirement } from '@core/tender/toRequirement.js';
import { api, errorMessage } from '../../api.js';
import { fileToBase64 } from '../../cards/fileData.js';
import { useI18n } from '../../i18n.js';
import { MandatedForms } from './MandatedForms.js';
import { RowView } from './TenderRowView.js';

type TenderImportProps = {
  fields: VariableField[];
  /** The project's confirmed requirements. */
  requirements: Requirement[];
  /** The tender stored in the project. */
  tender: ProjectTender | undefined;
  /** One edit: the stored tender and, when rows were confirmed or updated, the requirements. */
  onTenderChange: (tender: ProjectTender | undefined, requirements?: Requirement[]) => void;
  /** The project as drawn (its facts name what a clarification touches). */
  currentProject: () => Project | null;
};

/** A newly read tender for a project without a stored one: rows its requirements already hold count as confirmed. */
function firstRecord(r: TenderReading & { sha256: string }, requirements: Requirement[], known: Set<string>) {
  let record = tenderRecord(r, new Date().toISOString());
  const vs = againstRequirements(r.rows, requirements);
  for (const i of vs.held) record = decide(record, i, 'confirmed', toRequirement(r.rows[i]!, known));
  for (const c of vs.changed) {
    const i = r.rows.indexOf(c.row);
    const old = requirements[c.index]!;
    record = decide(record, i, 'confirmed', old);
    record = { ...record, rows: record.rows.map((x, k) => (k === i ? { ...x, change: 'changed', was: old.text } : x)) };
  }
  return record;
}

export function TenderImport({ fields, requirements, tender, onTenderChange, currentProject }: TenderImportProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const known = new Set(fields.map((f) => f.key));
  const rows = tender?.rows ?? [];
  const links = tender ? linkedRequirements(tender, requirements) : [];
  const basis = tender?.paragraphBasis ?? 'page';

  const pick = async (f: File) => {
    if (f.size > MAX_BYTES) return void message.error(t('tender.tooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
    try {
      const read = await api.readTender({ fileName: f.name, data: await fileToBase64(f) });
      const r = { ...read, sha256: read.sha256 ?? '' };
      if (tender && tender.sha256 === r.sha256) return void message.info(t('tender.same', { file: r.fileName }));
      if (tender) {
        const c = clarify(tender, r, new Date().toISOString(), requirements);
        onTenderChange(c.record);
        message.info(
          t('tender.clarified', {
            file: r.fileName,
            added: c.diff.added.length,
            changed: c.diff.changed.length,
            removed: c.diff.removed.length,
          }),
        );
      } else {
        onTenderChange(firstRecord(r, requirements, known));
        message.info(t('tender.read', { file: r.fileName, pages: r.pages, count: r.rows.length }));
      }
    } catch (e) {
      const err = e as { code?: string; message?: string; params?: Record<string, unknown> };
      message.error(
        t('tender.failed', {
          message: err.code
            ? tenderErrorText({ ...err, message: errorMessage(e, locale) }, locale === 'en' ? 'en' : 'zh')
            : errorMessage(e, locale),
        }),
      );
    }
  };

  /** Decides rows (by index in the stored list); confirmed ones join the requirements in one edit. */
  const decideRows = (indices: number[], decision: Decision) => {
    if (!tender) return;
    let next = tender;
    const added: Requirement[] = [];
    for (const i of indices) {
      const row = tender.rows[i]!;
      // A confirmed form is followed (MandatedForms), not a requirement.
      const q = decision === 'confirmed' && row.kind !== 'format' ? toRequirement(rowOf(row), known) : undefined;
      if (q) added.push(q);
      next = decide(next, i, decision, q);
    }
    onTenderChange(next, added.length ? [...requirements, ...added] : undefined);
  };
  /** A decided row back to pending; a confirmed one leaves the requirements. */
  const reopen = (i: number) => {
    if (!tender) return;
    const link = links[i] ?? -1;
    onTenderChange(decide(tender, i, 'pending'), link >= 0 ? requirements.filter((_, k) => k !== link) : undefined);
  };
  const clearChange = (t0: ProjectTender, i: number, patch: Partial<ProjectTender['rows'][number]> = {}) => ({
    ...t0,
    rows: t0.rows.map((x, k) => {
      if (k !== i) return x;
      const { change: _c, was: _w, ...rest } = x;
      return { ...rest, ...patch };
    }),
  });

  const open = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.change !== 'removed');
  const pending = open.filter(({ r }) => r.decision === 'pending' && !r.review);
  const review = open.filter(({ r }) => r.decision === 'pending' && r.review);
  const decided = open.filter(({ r }) => r.decision !== 'pending');
  const touched = rows
    .map((r, i) => ({ r, i, link: links[i] ?? -1 }))
    .filter(
      ({ r, link }) => r.decision === 'confirmed' && link >= 0 && (r.change === 'changed' || r.change === 'removed'),
    );
  const facts = currentProject()?.commitments ?? [];
  const factName = (id: string | undefined) => {
    const c = id ? facts.find((x) => x.id === id) : undefined;
    return c ? factLabel(c) : undefined;
  };

  return (
    <div className="bf-tender" data-testid="tender-import-panel">
      <div className="bf-reqs-actions">
        <span className="bf-muted bf-tender-hint">{t('tender.importHint')}</span>
        <Upload accept=".docx,.pdf,.doc,.wps" showUploadList={false} beforeUpload={(f) => (void pick(f), false)}>
          <Button icon={<ImportOutlined />} data-testid="tender-import">
            {t(tender ? 'tender.importNewer' : 'tender.import')}
          </Button>
        </Upload>
      </div>
      {tender && (
        <p className="bf-muted" data-testid="tender-file">
          {t('tender.stored', {
            file: tender.fileName,
            format: tender.format.toUpperCase(),
            pages: tender.pages,
            date: tender.readAt.slice(0, 10),
            versions: (tender.history?.length ?? 0) + 1,
          })}
        </p>
      )}
      {touched.length > 0 && (
        <section className="bf-reqs-proposals bf-tender-against" data-testid="tender-against">
          <h3 className="bf-reqs-subtitle">
            {t('tender.against', {
              changed: touched.filter((x) => x.r.change === 'changed').length,
              removed: touched.filter((x) => x.r.change === 'removed').length,
            })}
          </h3>
          <ol className="bf-req-list">
            {touched.map(({ r, i, link }, k) => {
              const fact = factName(requirements[link]?.fact ?? r.fact);
              const changed = r.change === 'changed';
              return (
                <li
                  className="bf-tender-row"
                  key={`t${i}`}
                  data-testid={changed ? `tender-changed-${k}` : `tender-removed-${link}`}
                >
                  <div className="bf-tender-meta">
                    <Tag color={changed ? 'orange' : 'red'}>
                      {t(changed ? 'tender.changedRow' : 'tender.removedRow', { row: link + 1 })}
                    </Tag>
                    {fact && <Tag>{t('tender.touchedFact', { fact })}</Tag>}
                    {changed && <span className="bf-muted">{requirements[link]?.text}</span>}
                  </div>
                  <div className="bf-tender-text">{changed ? `→ ${r.text}` : requirements[link]?.text}</div>
                  <div className="bf-tender-actions">
                    {changed ? (
                      <Button
                        size="small"
                        type="primary"
                        data-testid={`tender-changed-${k}-update`}
                        onClick={() => {
                          const old = requirements[link]!;
                          const next = {
                            ...toRequirement(rowOf(r), known),
                            ...(old.key && !r.key ? { key: old.key } : {}),
                            ...(old.fact ? { fact: old.fact } : {}),
                            ...(old.accepted ? { accepted: old.accepted } : {}),
                          };
                          onTenderChange(
                            clearChange(tender!, i, { requirement: next.text }),
                            requirements.map((q, n) => (n === link ? next : q)),
                          );
                        }}
                      >
                        {t('tender.updateRow')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        data-testid={`tender-removed-${link}-drop`}
                        onClick={() =>
                          onTenderChange(
                            clearChange(decide(tender!, i, 'dismissed'), i, { change: 'removed' }),
                            requirements.filter((_, n) => n !== link),
                          )
                        }
                      >
                        {t('tender.dropRow')}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {tender && <MandatedForms tender={tender} onTenderChange={(next) => onTenderChange(next)} />}
      {pending.length > 0 && (
        <section className="bf-reqs-proposals" aria-label={t('tender.rows', { count: pending.length })}>
          <div className="bf-reqs-head">
            <h3 className="bf-reqs-subtitle">{t('tender.rows', { count: pending.length })}</h3>
            <Button
              size="small"
              onClick={() =>
                decideRows(
                  pending.map((x) => x.i),
                  'dismissed',
                )
              }
              data-testid="tender-dismiss-all"
            >
              {t('tender.dismissAll')}
            </Button>
            <Button
              size="small"
              type="primary"
              onClick={() =>
                decideRows(
                  pending.filter((x) => CONFIRMABLE.has(x.r.kind)).map((x) => x.i),
                  'confirmed',
                )
              }
              data-testid="tender-confirm-all"
            >
              {t('tender.confirmAll')}
            </Button>
          </div>
          {basis === 'document' && <p className="bf-muted">{t('tender.pagesFromBreaks')}</p>}
          <ol className="bf-req-list">
            {pending.map(({ r, i }, k) => (
              <RowView
                key={i}
                r={r}
                basis={basis}
                testId={`tender-row-${k}`}
                {...(CONFIRMABLE.has(r.kind) || (r.kind === 'format' && r.form)
                  ? { onConfirm: () => decideRows([i], 'confirmed') }
                  : {})}
                {...(r.kind === 'format' ? { confirmLabel: 'forms.confirm' as const } : {})}
                onDismiss={() => decideRows([i], 'dismissed')}
              />
            ))}
          </ol>
        </section>
      )}
      {review.length > 0 && (
        <details className="bf-tender-review" data-testid="tender-review">
          <summary>{t('tender.review', { count: review.length })}</summary>
          <ol className="bf-req-list">
            {review.map(({ r, i }, k) => (
              <RowView
                key={i}
                r={r}
                basis={basis}
                testId={`tender-review-${k}`}
                confirmLabel="tender.addAsText"
                onConfirm={() => decideRows([i], 'confirmed')}
                onDismiss={() => decideRows([i], 'dismissed')}
              />
            ))}
          </ol>
        </details>
      )}
      {decided.length > 0 && (
        <details className="bf-tender-review" data-testid="tender-decided">
          <summary>
            {t('tender.decided', {
              confirmed: decided.filter((x) => x.r.decision === 'confirmed').length,
              dismissed: decided.filter((x) => x.r.decision === 'dismissed').length,
            })}
          </summary>
          <ol className="bf-req-list">
            {decided.map(({ r, i }, k) => (
              <RowView key={i} r={r} basis={basis} testId={`tender-decided-${k}`} onReopen={() => reopen(i)} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
