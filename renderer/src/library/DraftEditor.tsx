// The editor for a new draft: body (Markdown + Handlebars, highlighted by CodeMirror), the variable declarations as a
// form (JSON as the advanced mode), and a live render of the draft with the variables' defaults (the same assembler
// as documents, through the API). A draft starts from the latest version, or from any older one ("start from vN").
import { Button, Input, Spin, Switch } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { DocType, StoredClause, VariableDecl, VersionRef } from '@core/api/library.js';
import type { When } from '@core/model/library.js';
import { api, errorMessage } from '../api.js';
import { useI18n } from '../i18n.js';
import { parseVariables } from './parseVariables.js';
import { SampleRender } from './SampleRender.js';
import { declarationProblems, VariablesForm } from './VariablesForm.js';
import { WhenEditor, whenProblem } from './WhenEditor.js';

const CodeEditor = lazy(() => import('./CodeEditor.js'));

type Props = {
  clause: StoredClause;
  variant: string;
  user: string;
  fromVersion?: number;
  onSaved: (ref: VersionRef) => void;
  onCancel: () => void;
};

export function DraftEditor({ clause, variant, user, fromVersion, onSaved, onCancel }: Props) {
  const { t, locale } = useI18n();
  const versions = clause.variants.find((v) => v.name === variant)?.versions ?? [];
  const latest = versions[versions.length - 1];
  const start = (fromVersion !== undefined ? versions[fromVersion - 1] : undefined) ?? latest;
  const [body, setBody] = useState(start?.body ?? '');
  const [note, setNote] = useState(
    start && latest && start.version !== latest.version ? t('lib.edit.fromNote', { version: start.version }) : '',
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const startVariables = useMemo(() => start?.variables ?? [], [start]);
  const [variables, setVariables] = useState<VariableDecl[]>(startVariables);
  const [when, setWhen] = useState<When | undefined>(start?.when);
  // Advanced mode: the declarations as JSON. The form's list stays the truth; valid JSON replaces it as you type.
  const [json, setJson] = useState<string | null>(null);
  const parsedJson = useMemo(() => (json === null ? null : parseVariables(json)), [json]);
  const problems = declarationProblems(variables);
  const docType: DocType = clause.docTypes[0] ?? 'service-plan';
  // The render waits for declarations it can use: a half-typed key would only show a confusing template error.
  const renderVariables = useMemo(() => {
    const bad = declarationProblems(variables);
    return variables.filter((_, i) => !bad.has(i));
  }, [variables]);

  function onJson(text: string) {
    setJson(text);
    const p = parseVariables(text);
    if (p.ok) setVariables(p.value);
  }

  async function save() {
    if (!user.trim()) return setError(t('lib.needUser'));
    if (!note.trim()) return setError(t('lib.edit.needNote'));
    if (parsedJson && !parsedJson.ok) return setError(t(parsedJson.error.key, parsedJson.error.params));
    if (problems.size) return setError(t('lib.var.fixFirst'));
    if (whenProblem(when)) return setError(t('lib.when.fixFirst'));
    setSaving(true);
    setError(null);
    try {
      const changedVars = JSON.stringify(variables) !== JSON.stringify(startVariables);
      const from = start && latest && start.version !== latest.version ? { fromVersion: start.version } : {};
      // Sent only when changed: the store keeps the starting version's condition otherwise; null removes it.
      const changedWhen =
        JSON.stringify(when ?? null) !== JSON.stringify(start?.when ?? null) ? { when: when ?? null } : {};
      onSaved(
        await api.libraryEdit({
          clauseId: clause.id,
          variant,
          body,
          changeNote: note,
          ...from,
          ...(changedVars ? { variables } : {}),
          ...changedWhen,
          ...(latest ? { baseVersion: latest.version } : {}),
        }),
      );
    } catch (e) {
      setError(errorMessage(e, locale));
    } finally {
      setSaving(false);
    }
  }

  const older = start && latest && start.version !== latest.version;
  return (
    <div className="bf-lib-editor" data-testid="draft-editor">
      <div className="bf-lib-editor-left">
        <div className={older ? 'bf-lib-hint bf-lib-hint-from' : 'bf-muted bf-lib-hint'} data-testid="draft-hint">
          {older
            ? t('lib.edit.hintFrom', { version: start.version, latest: latest.version })
            : t('lib.edit.hint', { version: start?.version ?? 0 })}
        </div>
        <Suspense fallback={<Spin className="bf-lib-pad" />}>
          <CodeEditor value={body} onChange={setBody} ariaLabel={t('lib.edit.body')} testId="draft-body" />
        </Suspense>
        <h4 className="bf-lib-h4 bf-lib-vars-head">
          {t('lib.edit.variables', { count: variables.length })}
          <span className="bf-muted bf-lib-vars-toggle">
            <Switch
              size="small"
              checked={json !== null}
              onChange={(on) => setJson(on ? JSON.stringify(variables, null, 2) : null)}
              aria-label={t('lib.edit.varsJson')}
              data-testid="vars-json"
            />{' '}
            {t('lib.edit.varsJson')}
          </span>
        </h4>
        {json !== null ? (
          <>
            <Input.TextArea
              className="bf-lib-code"
              value={json}
              onChange={(e) => onJson(e.target.value)}
              autoSize={{ minRows: 6, maxRows: 20 }}
              spellCheck={false}
              aria-label={t('lib.edit.varsJson')}
              status={parsedJson?.ok === false ? 'error' : ''}
            />
            {parsedJson?.ok === false && (
              <div className="bf-lib-error">{t(parsedJson.error.key, parsedJson.error.params)}</div>
            )}
          </>
        ) : (
          <VariablesForm value={variables} onChange={setVariables} />
        )}
        <h4 className="bf-lib-h4">{t('lib.f.when')}</h4>
        <WhenEditor value={when} keys={variables.map((v) => v.key).filter(Boolean)} onChange={setWhen} />
        <Input
          className="bf-lib-note"
          placeholder={t('lib.edit.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t('lib.edit.note')}
          data-testid="draft-note"
        />
        {error && <div className="bf-lib-error">{error}</div>}
        <div className="bf-lib-actions">
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="draft-save">
            {t('lib.edit.save')}
          </Button>
          <Button onClick={onCancel}>{t('lib.cancel')}</Button>
        </div>
      </div>
      <SampleRender
        body={body}
        variables={renderVariables}
        docType={docType}
        title={clause.title}
        testId="draft-render"
      />
    </div>
  );
}
