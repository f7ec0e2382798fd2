// 编制: the composer screen — toolbar; on the left the form, the facts (承诺), the outline and the tender's requirements; on the right
// the live preview (one tab per document of a bid package) and the checks.
import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, Empty, Result, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isSuggested } from '@core/assemble/values.js';
import type { OutlineSectionView } from '@core/assemble/projectOutline.js';
import type { Requirement } from '@core/deviation/schema.js';
import type { Commitment } from '@core/commitments/schema.js';
import type { Problem } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import { api, errorMessage } from '../api.js';
import { useOpenedProjects } from '../home/handoff.js';
import { useI18n } from '../i18n.js';
import { record, redo, startHistory, undo, type History } from '../lib/history.js';
import { usePreview, usePreviewFindings } from '../lib/usePreview.js';
import './composer.css';
import { EditorPane, EditorTabs, LivePreview, PreviewStatus, type LeftTab } from './ComposerPanes.js';
import { CombinedExport } from './CombinedExport.js';
import { ComposerToolbar } from './ComposerToolbar.js';
import { factBindings, type FactBinding } from './facts/factFields.js';
import { FactsPanel } from './facts/FactsPanel.js';
import { FieldsForm, sectionsOf } from './FieldsForm.js';
import { MetaForm } from './MetaForm.js';
import { withOutline } from './outline/outlineOps.js';
import { OutlinePanel } from './outline/OutlinePanel.js';
import { NewerVersionsNotice } from './NewerVersionsNotice.js';
import { ProblemsPanel } from './ProblemsPanel.js';
import { RequirementsPanel } from './requirements/RequirementsPanel.js';
import { useComposerKeys } from './useComposerKeys.js';
import { useDescription } from './useDescription.js';
import { useExport } from './useExport.js';
import { useLocate } from './useLocate.js';
import { useProjectFile } from './useProjectFile.js';
import type { ScreenProps } from '../screenProps.js';
import { ValuesStore } from './valuesStore.js';

/** The documents a project assembles: its package, or just its blueprint (as core/assemble/shared.ts). */
const documentsOf = (p: Project) => [...new Set(p.documents ?? [p.blueprint])];
const NO_REQUIREMENTS: Requirement[] = [];
const NO_VALUES: Record<string, unknown> = {};

export function Composer({ navigate }: Pick<ScreenProps, 'navigate'>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();

  const [blueprints, setBlueprints] = useState<{ id: string; title: string; docType: string }[]>([]);
  const [history, setHistory] = useState<History<Project | null>>(() => startHistory(null));
  const project = history.present;
  /** Opening a project starts a fresh undo history. */
  const setProject = useCallback((p: Project | null) => setHistory(startHistory(p)), []);
  /** The history as last drawn: an input event edits what the user sees. */
  const drawn = useRef(history);
  drawn.current = history;
  /** Sends an edited project for preview straight from the input event (set once usePreview has run). */
  const previewAhead = useRef<(p: Project) => void>(() => undefined);
  /**
   * An edit is one undo step; edits to the same field in quick succession are one step together. The edited project
   * goes to the preview at once, before React draws the form: the two then run side by side.
   */
  const editProject = useCallback((change: (p: Project) => Project, key?: string) => {
    const base = drawn.current.present;
    const next = base ? change(base) : null;
    if (next && next !== base) previewAhead.current(next);
    // Normally nothing happened in between and `next` is what gets drawn; otherwise apply the edit to the newer state.
    setHistory((h) =>
      !h.present ? h : record(h, h.present === base && next ? next : change(h.present), key, Date.now()),
    );
  }, []);
  const [activeSections, setActiveSections] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [leftTab, setLeftTab] = useState<LeftTab>('content');
  /** The package document shown in the preview, the outline panel and exports (undefined: the main one). */
  const [activeDoc, setActiveDoc] = useState<string | undefined>();
  /** Bumped each time a project is opened: the form and preview start at the top instead of following edits. */
  const [epoch, setEpoch] = useState(0);
  /** Bumped when the library text behind the project changes (its pins were updated): assemble and describe again. */
  const [libraryRevision, setLibraryRevision] = useState(0);
  const libraryChanged = useCallback(() => setLibraryRevision((n) => n + 1), []);
  /** Bumped when another document of the package is shown: its preview starts at the top too. */
  const [docSwitches, setDocSwitches] = useState(0);
  const editorRef = useRef<HTMLElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    editorRef.current?.scrollTo({ top: 0 });
  }, [epoch]);

  const docs = project ? documentsOf(project) : [];
  const shownDoc = project && activeDoc && docs.includes(activeDoc) ? activeDoc : project?.blueprint;
  const docParam = project && shownDoc !== project.blueprint ? shownDoc : undefined;
  const { store: previewStore, ahead } = usePreview(api, project, epoch + docSwitches, t, docParam, libraryRevision);
  previewAhead.current = ahead;
  const { exporting, exportAs } = useExport(project, docParam);
  const { problems, deviations } = usePreviewFindings(previewStore);
  const description = useDescription(project, epoch, docParam, libraryRevision);
  const { fields, fieldsEpoch } = description;
  const [valuesStore] = useState(() => new ValuesStore());
  valuesStore.publish(project?.values ?? NO_VALUES);
  useLayoutEffect(() => valuesStore.notify(), [valuesStore, project?.values]);

  // A newly opened project shows every section of its form open. A clause added to the outline opens its section
  // and brings its variables' defaults, in the same undo step as the addition — its wordings only: a figure's or an
  // example's default is a suggestion in its empty field (FieldsForm), never a promise nobody typed.
  const known = useRef<{ epoch: number; titles: Set<string>; keys: Set<string> }>({
    epoch: -1,
    titles: new Set(),
    keys: new Set(),
  });
  const lastOutlineEdit = useRef<string | undefined>(undefined);
  useEffect(() => {
    const titles = sectionsOf(fields).map((s) => s.title);
    const prev = known.current;
    known.current = { epoch: fieldsEpoch, titles: new Set(titles), keys: new Set(fields.map((f) => f.key)) };
    if (prev.epoch !== fieldsEpoch) return setActiveSections(titles);
    const added = titles.filter((x) => !prev.titles.has(x));
    if (added.length) setActiveSections((s) => [...s, ...added]);
    const defaults = fields.filter((f) => !prev.keys.has(f.key) && f.default !== undefined && !isSuggested(f));
    if (defaults.length)
      editProject((p) => {
        const missing = defaults.filter((f) => p.values[f.key] === undefined);
        return missing.length
          ? { ...p, values: { ...p.values, ...Object.fromEntries(missing.map((f) => [f.key, f.default])) } }
          : p;
      }, lastOutlineEdit.current);
  }, [fields, fieldsEpoch, editProject]);
  useEffect(() => {
    if (description.error) message.error(t('msg.describeFailed', { message: description.error }));
  }, [description.error, message, t]);

  const problemsByField = useMemo(() => {
    const m = new Map<string, Problem[]>();
    for (const p of problems) if (p.field) m.set(p.field, [...(m.get(p.field) ?? []), p]);
    return m;
  }, [problems]);

  /** Shows a project: its values in the form, its first document in the preview. */
  const showProject = useCallback(
    (p: Project) => {
      setProject(p);
      setEpoch((n) => n + 1);
      setActiveDoc(undefined);
    },
    [setProject],
  );
  const blueprintTitleOf = useCallback(
    (id: string | undefined) => (id ? (blueprints.find((b) => b.id === id)?.title ?? id) : ''),
    [blueprints],
  );
  const file = useProjectFile(project, showProject, blueprintTitleOf);
  const { confirmDiscard, openText, openProjectFile, save, restore, showFile } = file;

  // 首页 hands over projects it opened (new, sample, recent); it records them as recent itself.
  useOpenedProjects(({ project: p, path, saved }) =>
    confirmDiscard(() => showFile(p, { ...(path ? { path } : {}), saved: saved ?? false })),
  );

  // On start: the blueprints' titles, and unsaved work from last time (the app opens on 首页, not on a sample).
  const start = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    try {
      setBlueprints(await api.listBlueprints({}).catch(() => []));
      await restore();
    } catch (e) {
      setLoadError(errorMessage(e, locale));
    } finally {
      setLoading(false);
    }
  }, [restore, locale]);

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start();
  }, [start]);

  useComposerKeys(rootRef, {
    save: (saveAs) => void save(saveAs),
    exportAs: (format) => void exportAs(format),
    open: (recentPath) => confirmDiscard(() => void openProjectFile(recentPath)),
    openFile: (f) => confirmDiscard(() => void openText(f.text, f.name, f.path)),
    undo: () => setHistory(undo),
    redo: () => setHistory(redo),
  });

  const setValue = useCallback(
    (key: string, value: unknown) =>
      editProject((p) => {
        const values = { ...p.values };
        if (value === undefined) delete values[key];
        else values[key] = value;
        return { ...p, values };
      }, `values.${key}`),
    [editProject],
  );

  const setMeta = useCallback(
    (patch: Partial<Project>) => editProject((p) => ({ ...p, ...patch }), Object.keys(patch).join(',')),
    [editProject],
  );

  const outlineBlueprint = description.outline?.blueprint;
  const { showOutline } = description;
  const setOutline = useCallback(
    (sections: OutlineSectionView[] | undefined) => {
      if (!outlineBlueprint) return;
      if (sections) showOutline(sections);
      // Its own undo step, which the defaults of added variables join (see above).
      lastOutlineEdit.current = `outline#${Date.now()}`;
      editProject((p) => withOutline(p, outlineBlueprint, sections), lastOutlineEdit.current);
    },
    [showOutline, editProject, outlineBlueprint],
  );
  const resetOutline = useCallback(() => setOutline(undefined), [setOutline]);

  const setRequirements = useCallback(
    (requirements: Requirement[], key: string) =>
      editProject((p) => {
        const { requirements: _old, ...rest } = p;
        return requirements.length ? { ...rest, requirements } : rest;
      }, key),
    [editProject],
  );

  /** 导入招标文件: the stored tender and, when rows were confirmed or updated, the requirements, in one undo step. */
  const setTender = useCallback(
    (tender: Project['tender'], requirements?: Requirement[]) =>
      editProject((p) => {
        const { tender: _t, requirements: old, ...rest } = p;
        const reqs = requirements ?? old ?? [];
        return { ...rest, ...(reqs.length ? { requirements: reqs } : {}), ...(tender ? { tender } : {}) };
      }, 'tender'),
    [editProject],
  );
  const currentProject = useCallback(() => drawn.current.present, []);

  /** 承诺: the whole list of facts becomes the project's own (a project read from its values is migrated so). */
  const setFacts = useCallback(
    (commitments: Commitment[], key: string | undefined) => editProject((p) => ({ ...p, commitments }), key),
    [editProject],
  );

  const fieldByKey = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);

  const { labelOf, targetOf, locate } = useLocate({
    fieldByKey,
    commitments: project?.commitments,
    leftTab,
    setLeftTab,
    activeSections,
    setActiveSections,
  });

  /** In a project with facts, a legacy variable shows its fact's figure and leads to it in 承诺. */
  const bindings = useMemo(() => factBindings(project?.commitments), [project?.commitments]);
  const showFact = useCallback(
    (b: FactBinding) => (b.index === undefined ? setLeftTab('facts') : locate(`commitments.${b.index}`)),
    [locate],
  );

  const blueprintOf = (id: string | undefined) => blueprints.find((b) => b.id === id);
  const allOpen = fields.length > 0 && activeSections.length >= sectionsOf(fields).length;

  const toolbar = (
    <ComposerToolbar
      title={project?.title}
      blueprintTitle={project ? (project.documents ? t('preview.documents') : blueprintTitleOf(project.blueprint)) : ''}
      fileName={file.fileName}
      dirty={file.dirty}
      canUndo={history.past.length > 0}
      canRedo={history.future.length > 0}
      exporting={exporting}
      hasProject={project !== null}
      onOpen={() => confirmDiscard(() => void openProjectFile())}
      onSave={() => void save()}
      onUndo={() => setHistory(undo)}
      onRedo={() => setHistory(redo)}
      onExport={(f) => void exportAs(f)}
      extra={<CombinedExport project={project} />}
    />
  );

  let body: ReactNode;
  if (loading && !project)
    body = (
      <div className="bf-center">
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  else if (loadError && !project)
    body = (
      <div className="bf-center">
        <Result
          status="error"
          title={t('app.loadFailed')}
          subTitle={loadError}
          extra={<Button onClick={() => void start()}>{t('app.retry')}</Button>}
        />
      </div>
    );
  else if (!project)
    body = (
      <div className="bf-center">
        <Empty
          image={<FileAddOutlined className="bf-empty-icon" />}
          description={
            <>
              <div className="bf-empty-title">{t('app.noProject')}</div>
              <div className="bf-muted">{t('app.noProjectHint')}</div>
            </>
          }
        >
          <Button type="primary" onClick={() => navigate('home')} data-testid="composer-go-home">
            {t('file.goHome')}
          </Button>
        </Empty>
      </div>
    );
  else {
    const content = (
      <>
        <section className="bf-pane-card">
          <h2 className="bf-pane-title">{t('meta.card')}</h2>
          <MetaForm project={project} problemsByField={problemsByField} onChange={setMeta} />
        </section>
        <div className="bf-vars-head">
          <h2 className="bf-pane-title">
            {t('fields.title')}
            <span className="bf-muted bf-vars-count">{t('fields.count', { count: fields.length })}</span>
          </h2>
          {fields.length > 0 && (
            <Button
              type="link"
              size="small"
              onClick={() => setActiveSections(allOpen ? [] : sectionsOf(fields).map((s) => s.title))}
            >
              {allOpen ? t('fields.collapseAll') : t('fields.expandAll')}
            </Button>
          )}
        </div>
        <FieldsForm
          fields={fields}
          values={valuesStore}
          problemsByField={problemsByField}
          activeSections={activeSections}
          onActiveSectionsChange={setActiveSections}
          onChange={setValue}
          bindings={bindings}
          onShowFact={showFact}
        />
      </>
    );
    const outline = (
      <>
        {docs.length > 1 && (
          <div className="bf-muted bf-outline-doc">{t('outline.forDocument', { doc: blueprintTitleOf(shownDoc) })}</div>
        )}
        <OutlinePanel
          view={description.outline}
          docType={blueprintOf(shownDoc)?.docType}
          onChange={setOutline}
          onReset={resetOutline}
        />
      </>
    );
    const reqCount = project.requirements?.length ?? 0;
    body = (
      <main className="bf-main">
        <aside className="bf-editor" aria-label={t('composer.tabs')} ref={editorRef}>
          <EditorTabs
            active={leftTab}
            onChange={setLeftTab}
            requirementCount={reqCount}
            factCount={project.commitments?.length ?? 0}
          />
          {/* The panes live outside the Tabs: a keystroke redraws the form, not the tab strip and everything under it. */}
          <EditorPane id="content" active={leftTab}>
            {content}
          </EditorPane>
          <EditorPane id="facts" active={leftTab}>
            <FactsPanel
              commitments={project.commitments}
              values={project.commitments ? undefined : project.values}
              problemsByField={problemsByField}
              onChange={setFacts}
            />
          </EditorPane>
          <EditorPane id="outline" active={leftTab}>
            {outline}
          </EditorPane>
          <EditorPane id="requirements" active={leftTab}>
            {/* A new project starts without the last one's unconfirmed proposals. */}
            <RequirementsPanel
              key={epoch}
              requirements={project.requirements ?? NO_REQUIREMENTS}
              deviations={deviations}
              fields={fields}
              problemsByField={problemsByField}
              onChange={setRequirements}
              tender={project.tender}
              onTenderChange={setTender}
              currentProject={currentProject}
              onLocate={locate}
              labelOf={labelOf}
            />
          </EditorPane>
        </aside>
        <section className="bf-preview-pane" aria-label={t('preview.title')}>
          <div className="bf-preview-bar">
            <span className="bf-preview-title">{t('preview.title')}</span>
            {docs.length > 1 && (
              <Tabs
                size="small"
                className="bf-doc-tabs"
                aria-label={t('preview.documents')}
                activeKey={shownDoc}
                onChange={(k) => {
                  setActiveDoc(k);
                  setDocSwitches((n) => n + 1);
                }}
                items={docs.map((id) => ({
                  key: id,
                  label: <span data-testid={`doc-tab-${id}`}>{blueprintTitleOf(id)}</span>,
                }))}
              />
            )}
            <PreviewStatus store={previewStore} />
          </div>
          {/* composer: newer versions — asked on open, save and export only; an update shows the project again */}
          <NewerVersionsNotice
            project={project}
            epoch={epoch}
            saved={file.savedSnapshot}
            exporting={exporting !== null}
            onUpdated={libraryChanged}
          />
          <ProblemsPanel problems={problems} targetOf={targetOf} labelOf={labelOf} onLocate={locate} />
          <div className="bf-preview-scroll">
            <LivePreview store={previewStore} />
          </div>
        </section>
      </main>
    );
  }

  return (
    <div className="bf-app" ref={rootRef}>
      {toolbar}
      <input
        ref={file.fileInput}
        type="file"
        accept=".json,.bfproj,application/json"
        hidden
        onChange={file.onFile}
        data-testid="open-project-input"
      />
      {body}
    </div>
  );
}
