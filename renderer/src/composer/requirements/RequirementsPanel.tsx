// 招标要求: import the tender (kept in the project with each row's decision) or paste its requirements, review the
// recognised rows (each linked to a variable), confirm them into project.requirements, see each row's computed 偏离
// beside it, and run the 自查 before submission. Proposals stay out of the project until confirmed.
import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input } from 'antd';
import { memo, useState } from 'react';
import type { VariableField } from '@core/api/contract.js';
import type { DeviationRow } from '@core/deviation/compute.js';
import type { Requirement } from '@core/deviation/schema.js';
import type { Problem } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import type { ProjectTender } from '@core/tender/projectTender.js';
import { api, errorMessage } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { RequirementRow } from './RequirementRow.js';
import { SelfCheck } from './SelfCheck.js';
import { TenderImport } from './TenderImport.js';
import { TENDER_EXAMPLE } from './tenderExample.js';

export type RequirementsPanelProps = {
  requirements: Requirement[];
  /** From the latest preview: one row per requirement, in order. */
  deviations: DeviationRow[];
  fields: VariableField[];
  problemsByField: Map<string, Problem[]>;
  /** `key` groups typing in one input into one undo step. */
  onChange: (requirements: Requirement[], key: string) => void;
  /** The tender kept in the project (absent: none imported yet). */
  tender?: ProjectTender;
  /** One edit: the stored tender and, when rows were confirmed, the requirements. */
  onTenderChange?: (tender: ProjectTender | undefined, requirements?: Requirement[]) => void;
  /** The project as drawn, for the self-check (read when it runs, so typing does not redraw this panel). */
  currentProject?: () => Project | null;
  onLocate?: (field: string) => void;
  labelOf?: (field: string) => string | undefined;
};

const noProject = () => null;

function RequirementsPanelContent({
  requirements,
  deviations,
  fields,
  problemsByField,
  onChange,
  tender,
  onTenderChange,
  currentProject = noProject,
  onLocate,
  labelOf,
}: RequirementsPanelProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [proposals, setProposals] = useState<Requirement[]>([]);
  const [busy, setBusy] = useState(false);
  const known = new Set(fields.map((f) => f.key));

  const recognize = async () => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      const { proposals: found } = await api.recognizeRequirements({ text });
      // A proposed link to a variable this project does not have would only confuse: leave it for the writer.
      setProposals(found.map(({ requirement: r }) => (r.key && !known.has(r.key) ? { ...r, key: undefined } : r)));
      message.info(found.length ? t('req.recognized', { count: found.length }) : t('req.recognizedNone'));
    } catch (e) {
      message.error(t('req.recognizeFailed', { message: errorMessage(e, locale) }));
    } finally {
      setBusy(false);
    }
  };

  const confirm = (rows: Requirement[]) =>
    onChange([...requirements, ...rows.filter((r) => r.text.trim())], 'requirements');
  const setAt = (i: number, r: Requirement, key: string) =>
    onChange(
      requirements.map((x, k) => (k === i ? r : x)),
      key,
    );

  return (
    <div className="bf-reqs" data-testid="requirements-panel">
      <h2 className="bf-pane-title">{t('req.title')}</h2>
      <p className="bf-muted bf-outline-hint">{t('req.paste')}</p>
      <Input.TextArea
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('req.pastePlaceholder', { example: TENDER_EXAMPLE })}
        aria-label={t('req.paste')}
        data-testid="req-paste"
      />
      <div className="bf-reqs-actions">
        <Button
          type="primary"
          icon={<FileSearchOutlined />}
          onClick={() => void recognize()}
          loading={busy}
          disabled={!text.trim()}
          data-testid="req-recognize"
        >
          {t('req.recognize')}
        </Button>
      </div>
      <TenderImport
        fields={fields}
        requirements={requirements}
        tender={tender}
        onTenderChange={(next, rs) => (onTenderChange ? onTenderChange(next, rs) : rs && onChange(rs, 'requirements'))}
        currentProject={currentProject}
      />

      {proposals.length > 0 && (
        <section className="bf-reqs-proposals" aria-label={t('req.proposals', { count: proposals.length })}>
          <div className="bf-reqs-head">
            <h3 className="bf-reqs-subtitle">{t('req.proposals', { count: proposals.length })}</h3>
            <Button size="small" onClick={() => setProposals([])} data-testid="proposal-discard-all">
              {t('req.discardAll')}
            </Button>
            <Button
              size="small"
              type="primary"
              onClick={() => {
                confirm(proposals);
                setProposals([]);
              }}
              data-testid="proposal-confirm-all"
            >
              {t('req.confirmAll')}
            </Button>
          </div>
          <ol className="bf-req-list">
            {proposals.map((r, i) => (
              <RequirementRow
                key={i}
                index={i}
                req={r}
                fields={fields}
                onChange={(next) => setProposals((ps) => ps.map((x, k) => (k === i ? next : x)))}
                onDelete={() => setProposals((ps) => ps.filter((_, k) => k !== i))}
                onConfirm={() => {
                  confirm([r]);
                  setProposals((ps) => ps.filter((_, k) => k !== i));
                }}
              />
            ))}
          </ol>
        </section>
      )}

      <div className="bf-reqs-head">
        <h3 className="bf-reqs-subtitle">{t('req.rows', { count: requirements.length })}</h3>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            onChange([...requirements, { item: '', text: t('req.emptyText'), star: false }], 'requirements')
          }
          data-testid="req-add"
        >
          {t('req.addRow')}
        </Button>
      </div>
      {requirements.length === 0 ? (
        <div className="bf-muted bf-empty">{t('req.none')}</div>
      ) : (
        <ol className="bf-req-list" data-testid="req-rows">
          {requirements.map((r, i) => (
            <RequirementRow
              key={i}
              index={i}
              req={r}
              fields={fields}
              row={deviations[i]}
              problems={problemsByField.get(`requirements.${i}`)}
              onChange={(next, key) => setAt(i, next, key)}
              onDelete={() =>
                onChange(
                  requirements.filter((_, k) => k !== i),
                  'requirements',
                )
              }
            />
          ))}
        </ol>
      )}
      <SelfCheck currentProject={currentProject} onLocate={onLocate} labelOf={labelOf} />
    </div>
  );
}

/** Redrawn only when its props change (the composer re-renders on every keystroke). */
export const RequirementsPanel = memo(RequirementsPanelContent);
