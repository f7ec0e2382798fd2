// The editor for a new draft: body (Markdown + Handlebars) in a monospace text area, the declared variables, and a
// live render of the draft with the variables' defaults (the same assembler as documents, through the API).
// A plain TextArea rather than CodeMirror: no new dependency, and {{ }} stay readable without highlighting.
import { Button, Input, Switch, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Document } from '../../../core/model/document.js';
import type { Problem } from '../../../core/model/problem.js';
import type { DocType, StoredClause, VariableDecl, VersionRef } from '../../../core/api/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { DocumentPreview } from '../preview/DocumentPreview.js';

const RENDER_DELAY_MS = 250;

export function DraftEditor({ clause, variant, user, onSaved, onCancel }: { clause: StoredClause; variant: string; user: string; onSaved: (ref: VersionRef) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const versions = clause.variants.find((v) => v.name === variant)?.versions ?? [];
  const base = versions[versions.length - 1];
  const [body, setBody] = useState(base?.body ?? '');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState<{ document: Document | null; problems: Problem[] } | null>(null);
  const [epoch] = useState(0);
  const baseVariables = useMemo(() => base?.variables ?? [], [base]);
  // Variable declarations are edited as JSON (the API validates each field); the table shows what is declared.
  const [editVars, setEditVars] = useState(false);
  const [varsText, setVarsText] = useState(() => JSON.stringify(baseVariables, null, 2));
  const parsedVars = useMemo(() => parseVariables(varsText), [varsText]);
  const variables: VariableDecl[] = parsedVars.ok ? parsedVars.value : baseVariables;
  const docType: DocType = clause.docTypes[0] ?? 'service-plan';

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .libraryRender({ body: body || ' ', variables, docType, title: clause.title })
        .then((r) => live && setRendered(r))
        .catch((e: unknown) => live && setRendered({ document: null, problems: [{ severity: 'error', code: 'render', message: errorMessage(e) }] }));
    }, RENDER_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [body, variables, docType, clause.title]);

  async function save() {
    if (!user.trim()) return setError(t('lib.needUser'));
    if (!note.trim()) return setError(t('lib.edit.needNote'));
    setSaving(true);
    setError(null);
    try {
      if (!parsedVars.ok) throw new Error(parsedVars.error);
      const changedVars = JSON.stringify(variables) !== JSON.stringify(baseVariables);
      onSaved(await api.libraryEdit({ clauseId: clause.id, variant, body, changeNote: note, ...(changedVars ? { variables } : {}), ...(base ? { baseVersion: base.version } : {}), by: user }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const problems = rendered?.problems ?? [];
  return (
    <div className="bf-lib-editor" data-testid="draft-editor">
      <div className="bf-lib-editor-left">
        <div className="bf-muted bf-lib-hint">{t('lib.edit.hint', { version: base?.version ?? 0 })}</div>
        <Input.TextArea
          className="bf-lib-code"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoSize={{ minRows: 12, maxRows: 28 }}
          spellCheck={false}
          aria-label={t('lib.edit.body')}
          data-testid="draft-body"
        />
        <h4 className="bf-lib-h4 bf-lib-vars-head">
          {t('lib.edit.variables', { count: variables.length })}
          <span className="bf-muted bf-lib-vars-toggle">
            <Switch size="small" checked={editVars} onChange={setEditVars} aria-label={t('lib.edit.varsJson')} /> {t('lib.edit.varsJson')}
          </span>
        </h4>
        {editVars && (
          <>
            <Input.TextArea className="bf-lib-code" value={varsText} onChange={(e) => setVarsText(e.target.value)} autoSize={{ minRows: 6, maxRows: 20 }} spellCheck={false} aria-label={t('lib.edit.varsJson')} status={parsedVars.ok ? '' : 'error'} />
            {!parsedVars.ok && <div className="bf-lib-error">{parsedVars.error}</div>}
          </>
        )}
        <Table<VariableDecl>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={variables}
          locale={{ emptyText: t('lib.edit.noVariables') }}
          columns={[
            { title: t('lib.var.key'), dataIndex: 'key', render: (k: string) => <code>{`{{${k}}}`}</code> },
            { title: t('lib.var.label'), dataIndex: 'label' },
            { title: t('lib.var.type'), dataIndex: 'type', width: 90, render: (ty: string) => <Tag>{ty}</Tag> },
            { title: t('lib.var.unit'), dataIndex: 'unit', width: 64, className: 'bf-nowrap' },
            { title: t('lib.var.default'), dataIndex: 'default', width: 90, className: 'bf-nowrap', render: (d: unknown) => (d === undefined ? '—' : typeof d === 'object' ? JSON.stringify(d) : String(d)) },
          ]}
        />
        <Input className="bf-lib-note" placeholder={t('lib.edit.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('lib.edit.note')} data-testid="draft-note" />
        {error && <div className="bf-lib-error">{error}</div>}
        <div className="bf-lib-actions">
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="draft-save">
            {t('lib.edit.save')}
          </Button>
          <Button onClick={onCancel}>{t('lib.cancel')}</Button>
        </div>
      </div>
      <div className="bf-lib-editor-right">
        <div className="bf-lib-render-head">
          <span>{t('lib.edit.sample')}</span>
          {problems.length > 0 ? <Tag color={problems.some((p) => p.severity === 'error') ? 'red' : 'gold'}>{t('lib.edit.problems', { count: problems.length })}</Tag> : <Tag color="green">{t('lib.edit.renderOk')}</Tag>}
        </div>
        {problems.length > 0 && (
          <ul className="bf-lib-problems">
            {problems.map((p, i) => (
              <li key={i} className={p.severity === 'error' ? 'bf-lib-error' : 'bf-muted'}>
                {p.message}
              </li>
            ))}
          </ul>
        )}
        <div className="bf-lib-render" data-testid="draft-render">
          <DocumentPreview document={rendered?.document ?? null} epoch={epoch} />
        </div>
      </div>
    </div>
  );
}

/** The JSON of the declarations: an array of objects, each with at least key, type and label (the API checks the rest). */
function parseVariables(text: string): { ok: true; value: VariableDecl[] } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (!Array.isArray(raw)) return { ok: false, error: 'expected a JSON array [ {"key": …, "type": …, "label": …} ]' };
  const bad = raw.findIndex((v: unknown) => typeof v !== 'object' || v === null || typeof (v as { key?: unknown }).key !== 'string' || typeof (v as { type?: unknown }).type !== 'string' || typeof (v as { label?: unknown }).label !== 'string');
  if (bad >= 0) return { ok: false, error: `item ${bad + 1}: needs "key", "type" and "label"` };
  return { ok: true, value: raw as VariableDecl[] };
}
