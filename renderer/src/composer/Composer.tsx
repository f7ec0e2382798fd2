// 编制: the composer screen — toolbar, project and variable form on the left, live preview and checks on the right.
import { FileAddOutlined, FilePdfOutlined, FileWordOutlined, FolderOpenOutlined, RedoOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Empty, Result, Segmented, Select, Spin, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { VariableField } from '../../../core/api/contract.js';
import type { Problem } from '../../../core/model/problem.js';
import type { Project } from '../../../core/model/project.js';
import { api, errorCode, errorMessage } from '../api.js';
import { useI18n, type Locale } from '../i18n.js';
import { clearAutosave, readAutosave, writeAutosave } from '../lib/autosave.js';
import { isTextEditing, record, redo, startHistory, undo, type History } from '../lib/history.js';
import { shell } from '../lib/shell.js';
import { usePreview } from '../lib/usePreview.js';
import { DocumentPreview } from '../preview/DocumentPreview.js';
import { fieldDomId, FieldsForm, sectionsOf } from './FieldsForm.js';
import { META_FIELDS, META_LABELS, metaDomId, MetaForm, type MetaField } from './MetaForm.js';
import { ProblemsPanel } from './ProblemsPanel.js';

type Format = 'docx' | 'pdf';

const isMetaField = (f: string): f is MetaField => (META_FIELDS as readonly string[]).includes(f);

function Logo() {
  return (
    <svg className="bf-logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect x="1" y="1" width="30" height="30" rx="7" fill="currentColor" />
      <path d="M10 8h9l5 5v11a1 1 0 0 1-1 1H10a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" fill="#fff" opacity="0.95" />
      <path d="M12 15h8M12 18.5h8M12 22h5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <path d="M19 8v5h5" fill="none" stroke="currentColor" strokeWidth="1.2" opacity="0.5" />
    </svg>
  );
}

export function Composer({ locale, onLocaleChange }: { locale: Locale; onLocaleChange: (l: Locale) => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();

  const [samples, setSamples] = useState<{ name: string; title: string; blueprint?: string }[]>([]);
  const [blueprints, setBlueprints] = useState<{ id: string; title: string }[]>([]);
  const [history, setHistory] = useState<History<Project | null>>(() => startHistory(null));
  const project = history.present;
  /** Opening a project starts a fresh undo history. */
  const setProject = useCallback((p: Project | null) => setHistory(startHistory(p)), []);
  /** An edit is one undo step; edits to the same field in quick succession are one step together. */
  const editProject = useCallback((change: (p: Project) => Project, key?: string) => setHistory((h) => (h.present ? record(h, change(h.present), key, Date.now()) : h)), []);
  const [sampleName, setSampleName] = useState<string | undefined>();
  const [fields, setFields] = useState<VariableField[]>([]);
  const [activeSections, setActiveSections] = useState<string[]>([]);
  const [savedSnapshot, setSavedSnapshot] = useState<string>('');
  /** Where the project was opened from or last saved to (desktop app only): Save writes there again. */
  const [filePath, setFilePath] = useState<string | undefined>();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState<Format | null>(null);
  /** Bumped each time a project is opened: the preview starts at the top instead of following edits. */
  const [epoch, setEpoch] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const editorRef = useRef<HTMLElement>(null);
  // A newly opened project starts at the top of the form.
  useEffect(() => {
    editorRef.current?.scrollTo({ top: 0 });
  }, [epoch]);

  const preview = usePreview(api, project, epoch, t);
  const dirty = project !== null && JSON.stringify(project) !== savedSnapshot;

  const problemsByField = useMemo(() => {
    const m = new Map<string, Problem[]>();
    for (const p of preview.problems) if (p.field) m.set(p.field, [...(m.get(p.field) ?? []), p]);
    return m;
  }, [preview.problems]);

  /** Shows a project: its values in the form, its variables from describeProject. */
  const showProject = useCallback(
    async (p: Project, fromSample?: string) => {
      setProject(p);
      setEpoch((n) => n + 1);
      setSampleName(fromSample);
      setSavedSnapshot(JSON.stringify(p));
      try {
        const { fields: fs } = await api.describeProject({ project: p });
        setFields(fs);
        setActiveSections(sectionsOf(fs).map((s) => s.title));
      } catch (e) {
        setFields([]);
        message.error(t('msg.describeFailed', { message: errorMessage(e) }));
      }
    },
    [message, t],
  );

  const confirmDiscard = useCallback(
    (then: () => void) => {
      if (!dirty) return then();
      modal.confirm({ title: t('toolbar.unsaved'), content: t('msg.discardConfirm'), onOk: then, okButtonProps: { danger: true } });
    },
    [dirty, modal, t],
  );

  const openSample = useCallback(
    async (name: string) => {
      try {
        const { project: p } = await api.openSample({ name });
        await showProject(p, name);
      } catch (e) {
        message.error(t('msg.openFailed', { message: errorMessage(e) }));
      }
    },
    [message, showProject, t],
  );

  // On start: list the samples and open the first one when nothing else is open.
  const start = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    try {
      const [list, bps] = await Promise.all([api.listSamples({}), api.listBlueprints({}).catch(() => [])]);
      setSamples(list);
      setBlueprints(bps);
      const rescued = readAutosave(localStorage);
      if (rescued) {
        // Unsaved work from last time comes back first, marked as not saved; the user decides what to keep.
        const { project: p } = await api.parseProject({ text: rescued.text, fileName: rescued.path || 'autosave.bfproj' });
        await showProject(p);
        setFilePath(rescued.path);
        setSavedSnapshot('');
        message.info(t('msg.restored', { time: new Date(rescued.savedAt).toLocaleString() }), 6);
      } else if (list[0]) {
        const { project: p } = await api.openSample({ name: list[0].name });
        await showProject(p, list[0].name);
      }
    } catch (e) {
      setLoadError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [showProject, message, t]);

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start();
  }, [start]);

  const openText = useCallback(
    async (text: string, name: string, path?: string) => {
      try {
        const { project: p } = await api.parseProject({ text, fileName: name });
        await showProject(p);
        setFilePath(path || undefined);
        message.success(t('msg.opened', { name }));
      } catch (err) {
        message.error(t('msg.openFailed', { message: errorMessage(err) }));
      }
    },
    [message, showProject, t],
  );

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) await openText(await file.text(), file.name);
  };

  /** The desktop app opens a native dialog; the browser its file picker. */
  const openProjectFile = useCallback(
    async (recentPath?: string) => {
      if (!shell.native) return fileInput.current?.click();
      try {
        const f = recentPath ? await shell.openRecent(recentPath) : await shell.openProject();
        if (f) await openText(f.text, f.name, f.path);
      } catch (err) {
        message.error(t('msg.openFailed', { message: errorMessage(err) }));
      }
    },
    [message, openText, t],
  );

  const save = useCallback(
    async (saveAs = false) => {
      if (!project) return;
      try {
        const saved = await shell.saveProject(JSON.stringify(project, null, 2) + '\n', project.name, filePath, saveAs);
        if (!saved) return;
        setFilePath(saved.path || undefined);
        setSavedSnapshot(JSON.stringify(project));
        message.success(t('msg.saved', { file: saved.path || saved.name }));
      } catch (err) {
        message.error(t('msg.saveFailed', { message: errorMessage(err) }));
      }
    },
    [filePath, message, project, t],
  );

  const exportAs = useCallback(
    async (format: Format) => {
      if (!project || exporting) return;
      setExporting(format);
      const key = 'export';
      message.open({ key, type: 'loading', content: t('msg.exporting', { format: format.toUpperCase() }), duration: 0 });
      try {
        const { fileName, bytes, problems } = await api.exportDocument({ project, format });
        const saved = await shell.saveExport(bytes, fileName, format);
        if (!saved) return message.destroy(key);
        const warnings = problems.filter((p) => p.severity === 'warning').length;
        const text = warnings ? t('msg.exportedWithWarnings', { file: saved.name, count: warnings }) : t('msg.exported', { file: saved.name });
        // In the desktop app the file has a real place: offer to open it or show it in its folder.
        const content = saved.path ? (
          <span>
            {text}
            <Button size="small" type="link" onClick={() => void shell.openPath(saved.path).catch((e: unknown) => message.error(errorMessage(e)))}>
              {t('msg.openFile')}
            </Button>
            <Button size="small" type="link" onClick={() => void shell.showInFolder(saved.path)}>
              {t('msg.showInFolder')}
            </Button>
          </span>
        ) : (
          text
        );
        message.open({ key, type: 'success', content, duration: saved.path ? 8 : 3 });
      } catch (e) {
        // A failed check lists every error in its message; the problems panel already shows them one by one.
        const text = errorMessage(e);
        const content = errorCode(e) === 'check_failed' ? t('msg.exportCheckFailed', { message: text.split('：')[0]! }) : t('msg.exportFailed', { message: text });
        message.open({ key, type: 'error', content, duration: 8 });
      } finally {
        setExporting(null);
      }
    },
    [exporting, message, project, t],
  );

  // Keyboard: Ctrl/⌘+S saves, Ctrl/⌘+E exports PDF. The desktop menu sends the same commands.
  const keys = useRef({ save, exportAs, openProjectFile, confirmDiscard, openText });
  keys.current = { save, exportAs, openProjectFile, confirmDiscard, openText };
  useEffect(() => {
    const offMenu = shell.onMenu(({ command, arg }) => {
      const k = keys.current;
      if (command === 'save' || command === 'saveAs') void k.save(command === 'saveAs');
      else if (command === 'exportDocx' || command === 'exportPdf') void k.exportAs(command === 'exportDocx' ? 'docx' : 'pdf');
      else if (command === 'open') k.confirmDiscard(() => void k.openProjectFile(arg));
    });
    const offOpen = shell.onOpenFile((f) => keys.current.confirmDiscard(() => void keys.current.openText(f.text, f.name, f.path)));
    return () => {
      offMenu();
      offOpen();
    };
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        void keys.current.save();
      } else if (k === 'e') {
        e.preventDefault();
        void keys.current.exportAs('pdf');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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

  const setMeta = useCallback((patch: Partial<Project>) => editProject((p) => ({ ...p, ...patch }), Object.keys(patch).join(',')), [editProject]);

  // Ctrl/⌘+Z and Ctrl+Y / ⌘+Shift+Z undo and redo project edits, except inside a text field, which keeps its own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextEditing(document.activeElement)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) setHistory(undo);
      else if (k === 'y' || (k === 'z' && e.shiftKey)) setHistory(redo);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Autosave a moment after each change; a saved (or unchanged) project needs none.
  const [autosaveFailed, setAutosaveFailed] = useState(false);
  useEffect(() => {
    if (!project) return;
    if (!dirty) return clearAutosave(localStorage);
    const timer = setTimeout(() => {
      const ok = writeAutosave(localStorage, JSON.stringify(project), filePath, new Date());
      if (!ok && !autosaveFailed) message.warning(t('msg.autosaveFailed'));
      setAutosaveFailed(!ok);
    }, 800);
    return () => clearTimeout(timer);
  }, [project, dirty, filePath, autosaveFailed, message, t]);

  const fieldByKey = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);

  const labelOf = useCallback(
    (field: string) => {
      if (isMetaField(field)) return t(META_LABELS[field]);
      const key = field.startsWith('values.') ? field.slice('values.'.length) : undefined;
      return key ? fieldByKey.get(key)?.label : undefined;
    },
    [fieldByKey, t],
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

  /** Scrolls to a field (opening its section) and puts the cursor in it. */
  const locate = useCallback(
    (field: string) => {
      let domId: string | undefined;
      let wait = 0;
      if (isMetaField(field)) domId = metaDomId(field);
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
        el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, [role=switch], [tabindex="0"]')?.focus({ preventScroll: true });
        el.classList.remove('bf-flash');
        void el.offsetWidth;
        el.classList.add('bf-flash');
      }, wait);
    },
    [activeSections, fieldByKey],
  );

  const blueprintTitleOf = (id: string | undefined) => (id ? (blueprints.find((b) => b.id === id)?.title ?? id) : '');
  const sampleOptions = samples.map((s) => ({ value: s.name, label: s.title, title: s.title }));
  const allOpen = fields.length > 0 && activeSections.length >= sectionsOf(fields).length;

  const header = (
    <header className="bf-header">
      <div className="bf-brand">
        <Logo />
        <span className="bf-brand-name">{t('app.name')}</span>
        <span className="bf-brand-sub">{t('app.subtitle')}</span>
      </div>
      <nav className="bf-nav" aria-label="views">
        <span className="bf-nav-item bf-nav-active">{t('nav.composer')}</span>
      </nav>
      <div className="bf-toolbar">
        <Select
          data-testid="sample-select"
          className="bf-sample-select"
          value={sampleName}
          placeholder={t('toolbar.samplePlaceholder')}
          options={sampleOptions}
          prefix={<span className="bf-muted">{t('toolbar.sample')}</span>}
          popupMatchSelectWidth={false}
          optionRender={(o) => (
            <div className="bf-sample-opt" data-testid={`sample-option-${String(o.value)}`}>
              <div className="bf-sample-opt-title">{o.label}</div>
              <div className="bf-muted bf-sample-opt-name">
                {[blueprintTitleOf(samples.find((s) => s.name === o.value)?.blueprint), `${String(o.value)}.json`].filter(Boolean).join(' · ')}
              </div>
            </div>
          )}
          onChange={(name: string) => confirmDiscard(() => void openSample(name))}
        />
        <Tooltip title={t('toolbar.shortcutOpen')}>
          <Button icon={<FolderOpenOutlined />} onClick={() => confirmDiscard(() => void openProjectFile())} data-testid="open-project">
            {t('toolbar.open')}
          </Button>
        </Tooltip>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={onFile} data-testid="open-project-input" />
        <Tooltip title={t('toolbar.shortcutSave')}>
          <Button icon={<SaveOutlined />} onClick={() => void save()} disabled={!project} data-testid="save-project">
            {t('toolbar.save')}
          </Button>
        </Tooltip>
        <Tooltip title={`${t('toolbar.undo')} (Ctrl+Z)`}>
          <Button icon={<UndoOutlined />} aria-label={t('toolbar.undo')} onClick={() => setHistory(undo)} disabled={history.past.length === 0} data-testid="undo" />
        </Tooltip>
        <Tooltip title={`${t('toolbar.redo')} (Ctrl+Y)`}>
          <Button icon={<RedoOutlined />} aria-label={t('toolbar.redo')} onClick={() => setHistory(redo)} disabled={history.future.length === 0} data-testid="redo" />
        </Tooltip>
        <span className="bf-toolbar-sep" />
        <Tooltip title={t('toolbar.shortcutDocx')}>
          <Button icon={<FileWordOutlined />} onClick={() => void exportAs('docx')} loading={exporting === 'docx'} disabled={!project || (exporting !== null && exporting !== 'docx')} data-testid="export-docx">
            {t('toolbar.exportDocx')}
          </Button>
        </Tooltip>
        <Tooltip title={t('toolbar.shortcutPdf')}>
          <Button type="primary" icon={<FilePdfOutlined />} onClick={() => void exportAs('pdf')} loading={exporting === 'pdf'} disabled={!project || (exporting !== null && exporting !== 'pdf')} data-testid="export-pdf">
            {t('toolbar.exportPdf')}
          </Button>
        </Tooltip>
      </div>
      <Segmented<Locale>
        size="small"
        className="bf-lang"
        aria-label={t('toolbar.language')}
        value={locale}
        options={[
          { value: 'zh-CN', label: '中文' },
          { value: 'en', label: 'EN' },
        ]}
        onChange={onLocaleChange}
      />
    </header>
  );

  let body;
  if (loading && !project)
    body = (
      <div className="bf-center">
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  else if (loadError && !project)
    body = (
      <div className="bf-center">
        <Result status="error" title={t('app.loadFailed')} subTitle={loadError} extra={<Button onClick={() => void start()}>{t('app.retry')}</Button>} />
      </div>
    );
  else if (!project)
    body = (
      <div className="bf-center">
        <Empty image={<FileAddOutlined className="bf-empty-icon" />} description={<><div className="bf-empty-title">{t('app.noProject')}</div><div className="bf-muted">{t('app.noProjectHint')}</div></>} />
      </div>
    );
  else
    body = (
      <main className="bf-main">
        <aside className="bf-editor" aria-label={t('nav.composer')} ref={editorRef}>
          <div className="bf-editor-inner">
            <div className="bf-doc-head">
              <div className="bf-doc-title" title={project.title}>
                {project.title || '—'}
              </div>
              <div className="bf-doc-tags">
                <Tag variant="filled" color="blue">
                  {blueprintTitleOf(project.blueprint)}
                </Tag>
                <span className="bf-muted bf-file-name">{project.name}.bfproj.json</span>
                {dirty ? (
                  <Tag variant="filled" color="gold">
                    {t('toolbar.unsaved')}
                  </Tag>
                ) : null}
              </div>
            </div>

            <section className="bf-card">
              <h2 className="bf-card-title">{t('meta.card')}</h2>
              <MetaForm project={project} problemsByField={problemsByField} onChange={setMeta} />
            </section>

            <div className="bf-vars-head">
              <h2 className="bf-card-title">
                {t('fields.title')}
                <span className="bf-muted bf-vars-count">{t('fields.count', { count: fields.length })}</span>
              </h2>
              {fields.length > 0 && (
                <Button type="link" size="small" onClick={() => setActiveSections(allOpen ? [] : sectionsOf(fields).map((s) => s.title))}>
                  {allOpen ? t('fields.collapseAll') : t('fields.expandAll')}
                </Button>
              )}
            </div>
            <FieldsForm fields={fields} values={project.values} problemsByField={problemsByField} activeSections={activeSections} onActiveSectionsChange={setActiveSections} onChange={setValue} />
          </div>
        </aside>
        <section className="bf-preview-pane" aria-label={t('preview.title')}>
          <div className="bf-preview-bar">
            <span className="bf-preview-title">{t('preview.title')}</span>
            <span className={`bf-preview-status${preview.pending ? ' bf-pending' : ''}`}>
              <span className="bf-dot" />
              {preview.pending ? t('preview.updating') : t('preview.upToDate')}
            </span>
          </div>
          <ProblemsPanel problems={preview.problems} targetOf={targetOf} labelOf={labelOf} onLocate={locate} />
          <div className="bf-preview-scroll">
            <DocumentPreview document={preview.document} epoch={preview.epoch} />
          </div>
        </section>
      </main>
    );

  return (
    <div className="bf-app">
      {header}
      {body}
    </div>
  );
}
