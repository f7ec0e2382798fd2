// 大纲: the document's sections and their clauses. Drag a clause (HTML5 drag and drop) or focus it and press Alt+↑/↓
// to move it, also across sections; add one from the library; remove one; reset to the blueprint. Whole sections move
// the same way (drag a section's heading, or focus it and press Alt+↑/↓), are removed with their clauses, and new ones
// are added under a title the writer types.
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  HolderOutlined,
  PlusOutlined,
  UndoOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Input, Popconfirm, Space, Spin, Tag, Tooltip } from 'antd';
import { memo, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { OutlineClauseView, OutlineSectionView } from '@core/assemble/projectOutline.js';
import type { OutlineView } from '@core/api/contract.js';
import { useI18n } from '../../i18n.js';
import { AddClauseModal } from './AddClauseModal.js';
import {
  addClause,
  addSection,
  moveBy,
  moveClause,
  moveSection,
  moveSectionBy,
  removeClause,
  removeSection,
  SECTION_TITLE_MAX,
  sectionTitleError,
  type Pos,
} from './outlineOps.js';

export type OutlinePanelProps = {
  view: OutlineView | null;
  /** The document's type, so the library picker offers the clauses written for it first. */
  docType: string | undefined;
  onChange: (sections: OutlineSectionView[]) => void;
  onReset: () => void;
};

const posAttr = (p: Pos) => `${p.s}:${p.i}`;

function OutlinePanelContent({ view, docType, onChange, onReset }: OutlinePanelProps) {
  const { t } = useI18n();
  const [drag, setDrag] = useState<Pos | null>(null);
  const [over, setOver] = useState<Pos | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  /** After a keyboard move the focus follows the clause to its new place. */
  const [focusAt, setFocusAt] = useState<Pos | null>(null);
  /** A section being dragged (by its heading), the place it would land (before that index), and where focus follows it. */
  const [dragSection, setDragSection] = useState<number | null>(null);
  const [overSection, setOverSection] = useState<number | null>(null);
  const [focusSection, setFocusSection] = useState<number | null>(null);
  /** The title of a section being added (null: not adding one); `tried` shows "enter a title" after an empty Enter. */
  const [newTitle, setNewTitle] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focusAt) return;
    root.current?.querySelector<HTMLElement>(`[data-pos="${posAttr(focusAt)}"]`)?.focus();
    setFocusAt(null);
  }, [focusAt, view]);
  useEffect(() => {
    if (focusSection === null) return;
    root.current?.querySelector<HTMLElement>(`[data-section="${focusSection}"]`)?.focus();
    setFocusSection(null);
  }, [focusSection, view]);

  if (!view)
    return (
      <div className="bf-center bf-outline-loading">
        <Spin description={t('outline.loading')} />
      </div>
    );
  const sections = view.sections;

  const move = (from: Pos, dir: -1 | 1) => {
    const r = moveBy(sections, from, dir);
    if (r.sections === sections) return;
    onChange(r.sections);
    setFocusAt(r.at);
  };
  const onKey = (e: KeyboardEvent, p: Pos) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(p, e.key === 'ArrowUp' ? -1 : 1);
  };
  const dropOn = (e: DragEvent, before: Pos) => {
    // A section dropped here is its section's business (the event goes on up to it).
    if (!drag) return;
    e.preventDefault();
    e.stopPropagation();
    onChange(moveClause(sections, drag, before).sections);
    setDrag(null);
    setOver(null);
  };
  const allowDrop = (e: DragEvent, p: Pos) => {
    if (!drag) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!over || over.s !== p.s || over.i !== p.i) setOver(p);
  };

  const shiftSection = (from: number, dir: -1 | 1) => {
    const r = moveSectionBy(sections, from, dir);
    if (r.sections === sections) return;
    onChange(r.sections);
    setFocusSection(r.at);
  };
  const onSectionKey = (e: KeyboardEvent, si: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    shiftSection(si, e.key === 'ArrowUp' ? -1 : 1);
  };
  /** Over a section's upper half a dragged section lands before it, over its lower half after it. */
  const allowSectionDrop = (e: DragEvent<HTMLElement>, si: number) => {
    if (dragSection === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const r = e.currentTarget.getBoundingClientRect();
    const before = e.clientY < r.top + r.height / 2 ? si : si + 1;
    if (overSection !== before) setOverSection(before);
  };
  const dropSection = (e: DragEvent) => {
    if (dragSection === null) return;
    e.preventDefault();
    if (overSection !== null) onChange(moveSection(sections, dragSection, overSection).sections);
    setDragSection(null);
    setOverSection(null);
  };
  const dropSectionMark = (si: number) => {
    if (dragSection === null || overSection === null || overSection === dragSection || overSection === dragSection + 1)
      return '';
    if (overSection === si) return ' bf-section-drop-before';
    return overSection === sections.length && si === sections.length - 1 ? ' bf-section-drop-after' : '';
  };

  const titleError = newTitle === null ? undefined : sectionTitleError(sections, newTitle);
  const titleMessage =
    titleError === 'duplicate'
      ? t('outline.newSectionDuplicate', { title: newTitle!.trim() })
      : titleError === 'tooLong'
        ? t('outline.newSectionTooLong', { max: SECTION_TITLE_MAX })
        : titleError === 'empty' && tried
          ? t('outline.newSectionEmpty')
          : undefined;
  const closeNewSection = () => {
    setNewTitle(null);
    setTried(false);
  };
  /** Adds the section at the end and opens the library picker on it: an empty section is not in the document yet. */
  const commitNewSection = () => {
    if (newTitle === null) return;
    if (titleError) return setTried(true);
    onChange(addSection(sections, newTitle));
    closeNewSection();
    setAdding(sections.length);
  };

  const clauseRow = (c: OutlineClauseView, p: Pos, last: boolean, lastSection: boolean) => {
    const dragging = drag?.s === p.s && drag.i === p.i;
    const target = over?.s === p.s && over.i === p.i && !dragging;
    return (
      <li
        key={`${c.id}-${c.variant}-${p.i}`}
        className={`bf-outline-clause${dragging ? ' bf-dragging' : ''}${target ? ' bf-drop-before' : ''}`}
        data-pos={posAttr(p)}
        data-testid={`outline-clause-${c.id}`}
        tabIndex={0}
        draggable
        aria-label={`${c.title}（${c.variant}）`}
        onKeyDown={(e) => onKey(e, p)}
        onDragStart={(e) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', c.id);
          setDrag(p);
        }}
        onDragEnd={() => {
          setDrag(null);
          setOver(null);
        }}
        onDragOver={(e) => allowDrop(e, p)}
        onDrop={(e) => dropOn(e, p)}
      >
        <Tooltip title={t('outline.drag')}>
          <HolderOutlined className="bf-outline-handle" aria-hidden />
        </Tooltip>
        <span className="bf-outline-clause-title" title={c.id}>
          {c.title}
        </span>
        <Tag className="bf-outline-variant">{c.variant}</Tag>
        {!c.found && (
          <Tooltip title={t('outline.missing')}>
            <WarningOutlined className="bf-err" aria-label={t('outline.missing')} />
          </Tooltip>
        )}
        <span className="bf-outline-actions">
          <Tooltip title={`${t('outline.up')} (Alt+↑)`}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={t('outline.up')}
              disabled={p.s === 0 && p.i === 0}
              onClick={() => move(p, -1)}
              data-testid={`outline-up-${c.id}`}
            />
          </Tooltip>
          <Tooltip title={`${t('outline.down')} (Alt+↓)`}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={t('outline.down')}
              disabled={last && lastSection}
              onClick={() => move(p, 1)}
              data-testid={`outline-down-${c.id}`}
            />
          </Tooltip>
          <Tooltip title={t('outline.remove')}>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('outline.remove')}
              onClick={() => onChange(removeClause(sections, p))}
              data-testid={`outline-remove-${c.id}`}
            />
          </Tooltip>
        </span>
      </li>
    );
  };

  return (
    <div className="bf-outline" ref={root} data-testid="outline-panel">
      <div className="bf-outline-head">
        <h2 className="bf-pane-title">
          {t('outline.title')}
          {view.custom && (
            <Tag color="blue" variant="filled" className="bf-outline-custom">
              {t('outline.custom')}
            </Tag>
          )}
        </h2>
        <Popconfirm title={t('outline.resetConfirm')} onConfirm={onReset} disabled={!view.custom}>
          <Button size="small" icon={<UndoOutlined />} disabled={!view.custom} data-testid="outline-reset">
            {t('outline.reset')}
          </Button>
        </Popconfirm>
      </div>
      <p className="bf-muted bf-outline-hint">{t('outline.hint')}</p>
      <ol className="bf-outline-sections">
        {sections.map((s, si) => (
          <li
            key={`${s.title}-${si}`}
            className={`bf-outline-section${dragSection === si ? ' bf-dragging' : ''}${dropSectionMark(si)}`}
            data-testid={`outline-section-${si}`}
            onDragOver={(e) => allowSectionDrop(e, si)}
            onDrop={dropSection}
          >
            <div
              className="bf-outline-section-head"
              data-section={si}
              data-testid={`section-head-${si}`}
              tabIndex={0}
              draggable
              aria-label={t('outline.section', { n: si + 1, title: s.title })}
              onKeyDown={(e) => onSectionKey(e, si)}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', s.title);
                setDragSection(si);
              }}
              onDragEnd={() => {
                setDragSection(null);
                setOverSection(null);
              }}
            >
              <Tooltip title={t('outline.sectionDrag')}>
                <HolderOutlined className="bf-outline-handle" aria-hidden />
              </Tooltip>
              <span className="bf-section-no">{String(si + 1).padStart(2, '0')}</span>
              <span className="bf-outline-section-title">{s.title}</span>
              {s.annex && <Tag variant="filled">{t('outline.annex')}</Tag>}
              <span className="bf-muted bf-outline-count">{t('outline.count', { count: s.clauses.length })}</span>
              <Button
                size="small"
                type="link"
                icon={<PlusOutlined />}
                onClick={() => setAdding(si)}
                data-testid={`outline-add-${si}`}
              >
                {t('outline.add')}
              </Button>
              <span className="bf-outline-actions">
                <Tooltip title={`${t('outline.sectionUp')} (Alt+↑)`}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('outline.sectionUp')}
                    disabled={si === 0}
                    onClick={() => shiftSection(si, -1)}
                    data-testid={`section-up-${si}`}
                  />
                </Tooltip>
                <Tooltip title={`${t('outline.sectionDown')} (Alt+↓)`}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('outline.sectionDown')}
                    disabled={si === sections.length - 1}
                    onClick={() => shiftSection(si, 1)}
                    data-testid={`section-down-${si}`}
                  />
                </Tooltip>
                {/* A section with clauses asks first (it takes them all along); an empty one just goes. Undo brings either back. */}
                <Popconfirm
                  title={t('outline.sectionRemoveConfirm', { title: s.title, count: s.clauses.length })}
                  okText={t('outline.sectionRemoveOk')}
                  okButtonProps={{ danger: true }}
                  disabled={s.clauses.length === 0}
                  onConfirm={() => onChange(removeSection(sections, si))}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('outline.sectionRemove')}
                    title={t('outline.sectionRemove')}
                    onClick={s.clauses.length === 0 ? () => onChange(removeSection(sections, si)) : undefined}
                    data-testid={`section-remove-${si}`}
                  />
                </Popconfirm>
              </span>
            </div>
            <ul
              className={`bf-outline-clauses${over?.s === si && over.i === s.clauses.length ? ' bf-drop-end' : ''}`}
              onDragOver={(e) => allowDrop(e, { s: si, i: s.clauses.length })}
              onDrop={(e) => dropOn(e, { s: si, i: s.clauses.length })}
            >
              {s.clauses.map((c, i) =>
                clauseRow(c, { s: si, i }, i === s.clauses.length - 1, si === sections.length - 1),
              )}
              {s.clauses.length === 0 && <li className="bf-outline-empty bf-muted">{t('outline.emptySection')}</li>}
            </ul>
          </li>
        ))}
      </ol>
      {sections.length === 0 && <div className="bf-outline-empty bf-muted">{t('outline.noSections')}</div>}
      {newTitle === null ? (
        <Button
          block
          type="dashed"
          icon={<PlusOutlined />}
          className="bf-outline-add-section"
          onClick={() => setNewTitle('')}
          data-testid="outline-add-section"
        >
          {t('outline.addSection')}
        </Button>
      ) : (
        <div className="bf-outline-new-section">
          <Space.Compact block size="small">
            <Input
              autoFocus
              value={newTitle}
              maxLength={SECTION_TITLE_MAX}
              aria-label={t('outline.newSectionTitle')}
              placeholder={t('outline.newSectionPlaceholder')}
              status={titleMessage ? 'error' : undefined}
              onChange={(e) => setNewTitle(e.target.value)}
              onPressEnter={commitNewSection}
              onKeyDown={(e) => {
                if (e.key === 'Escape') closeNewSection();
              }}
              data-testid="outline-new-section-title"
            />
            <Button type="primary" onClick={commitNewSection} data-testid="outline-new-section-ok">
              {t('outline.newSectionAdd')}
            </Button>
            <Button onClick={closeNewSection}>{t('outline.newSectionCancel')}</Button>
          </Space.Compact>
          {titleMessage && (
            <div className="bf-err bf-outline-new-error" role="alert">
              {titleMessage}
            </div>
          )}
        </div>
      )}
      <AddClauseModal
        section={adding === null ? undefined : sections[adding]?.title}
        docType={docType}
        inOutline={new Set(sections.flatMap((s) => s.clauses.map((c) => `${c.id}|${c.variant}`)))}
        onAdd={(c) => {
          if (adding !== null) onChange(addClause(sections, adding, c));
          setAdding(null);
        }}
        onClose={() => setAdding(null)}
      />
    </div>
  );
}

/** Redrawn only when its props change (the composer re-renders on every keystroke). */
export const OutlinePanel = memo(OutlinePanelContent);
