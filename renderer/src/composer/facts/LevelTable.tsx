// The fault-level table: 2–5 levels (rows, most severe first) × the kinds of time they promise (columns). Each cell
// is the level's own time and event, or empty — then the level keeps the general promise, shown greyed.
import { CheckOutlined, CloseOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Switch } from 'antd';
import { memo, useState } from 'react';
import { factFigure } from '@core/commitments/phrase.js';
import { DEADLINE_KINDS, type Commitment, type DeadlineKind } from '@core/commitments/schema.js';
import { problemText } from '@core/i18n/problemText.js';
import type { Problem } from '@core/model/problem.js';
import { useI18n, type MessageKey } from '../../i18n.js';
import { DurationInput, EventSelect } from './controls.js';
import { factEditKey } from './editKey.js';
import { factDomId, factInputId } from './FactRow.js';
import {
  addLevel,
  addLevelKind,
  cellKey,
  confirmFact,
  fillLevelCell,
  levelKindEvent,
  levelTable,
  MAX_LEVELS,
  nextLevelName,
  removeFact,
  removeLevel,
  removeLevelKind,
  renameLevel,
  replaceFact,
  setLevelKindEvent,
  startLevelTable,
} from './factsModel.js';

type Props = {
  facts: readonly Commitment[];
  problemsByField: Map<string, Problem[]>;
  /** The whole list after an edit, with the undo key of the edit (undefined: a step of its own). */
  onChange: (facts: Commitment[], key: string | undefined) => void;
};

const NO_PROBLEMS: Problem[] = [];

/** A level's name, edited in place and written when left (so a half-typed name never merges two levels). */
function LevelName({ level, onRename }: { level: string; onRename: (to: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(level);
  const [seen, setSeen] = useState(level);
  if (seen !== level) {
    setSeen(level);
    setDraft(level);
  }
  const commit = () => (draft.trim() && draft.trim() !== level ? onRename(draft) : setDraft(level));
  return (
    <Input
      aria-label={t('facts.levels.rename')}
      data-testid={`level-name-${level}`}
      value={draft}
      maxLength={20}
      style={{ width: 56 }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

export const LevelTable = memo(function LevelTable({ facts, problemsByField, onChange }: Props) {
  const { t, locale } = useI18n();
  const table = levelTable(facts);
  const kindName = (k: string) => t(`facts.kind.${k}` as MessageKey);
  const general = (kind: DeadlineKind) => facts.find((c) => c.kind === kind && !c.scope && c.offered !== false);

  if (table.levels.length === 0)
    return (
      <section className="bf-fact-group" data-testid="fact-levels">
        <h3 className="bf-fact-group-title">{t('facts.levels.title')}</h3>
        <p className="bf-muted bf-fact-hint">{t('facts.levels.hint')}</p>
        <Button
          icon={<PlusOutlined />}
          data-testid="fact-levels-start"
          onClick={() => onChange(startLevelTable(facts), undefined)}
        >
          {t('facts.levels.start')}
        </Button>
      </section>
    );

  const next = nextLevelName(table.levels);
  const missingKinds = (DEADLINE_KINDS as readonly DeadlineKind[]).filter((k) => !table.kinds.includes(k));
  const cellProblems = [...table.cells.values()].flatMap((i) => problemsByField.get(`commitments.${i}`) ?? []);
  const cellsOf = (level: string) => table.kinds.filter((k) => table.cells.has(cellKey(level, k))).length;
  return (
    <section className="bf-fact-group" data-testid="fact-levels">
      <h3 className="bf-fact-group-title">
        {t('facts.levels.title')}
        <span className="bf-muted bf-vars-count">{t('facts.levels.count', { count: table.levels.length })}</span>
      </h3>
      <p className="bf-muted bf-fact-hint">{t('facts.levels.hint')}</p>
      <div className="bf-level-scroll">
        <table className="bf-level-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('facts.levels.level')}
              </th>
              {table.kinds.map((k) => (
                <th scope="col" key={k}>
                  <span className="bf-level-kind">
                    {kindName(k)}
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('facts.levels.removeKind', { kind: kindName(k) })}
                      title={t('facts.levels.removeKind', { kind: kindName(k) })}
                      onClick={() => onChange(removeLevelKind(facts, k), undefined)}
                    />
                  </span>
                </th>
              ))}
            </tr>
            <tr>
              {table.kinds.map((k) => (
                <th key={k} className="bf-level-event">
                  <EventSelect
                    label={kindName(k)}
                    value={levelKindEvent(facts, k)}
                    testId={`level-${k}`}
                    block
                    onChange={(from) => from && onChange(setLevelKindEvent(facts, k, from), `facts.levels.from.${k}`)}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.levels.map((level) => (
              <tr key={level} data-testid={`level-row-${level}`}>
                <th scope="row">
                  <LevelName
                    level={level}
                    onRename={(to) => onChange(renameLevel(facts, level, to), `facts.levels.name.${level}`)}
                  />
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    className="bf-level-remove"
                    aria-label={t('facts.levels.removeLevel', { level })}
                    title={t('facts.levels.removeLevel', { level })}
                    data-testid={`level-remove-${level}`}
                    onClick={() => onChange(removeLevel(facts, level), undefined)}
                  />
                </th>
                {table.kinds.map((kind) => {
                  const index = table.cells.get(cellKey(level, kind));
                  const fact = index === undefined ? undefined : facts[index];
                  if (index === undefined || !fact || !('within' in fact)) {
                    const g = general(kind);
                    return (
                      <td key={kind} className="bf-level-empty">
                        <span className="bf-muted" title={t('facts.levels.general')}>
                          {g ? factFigure(g) : '—'}
                        </span>
                        <Button
                          size="small"
                          type="link"
                          icon={<PlusOutlined />}
                          aria-label={`${t('facts.levels.fill', { level })}：${kindName(kind)}`}
                          title={t('facts.levels.fill', { level })}
                          data-testid={`level-fill-${level}-${kind}`}
                          onClick={() => onChange(fillLevelCell(facts, level, kind), undefined)}
                        />
                      </td>
                    );
                  }
                  const problems = problemsByField.get(`commitments.${index}`) ?? NO_PROBLEMS;
                  const status = problems.some((p) => p.severity === 'error')
                    ? 'error'
                    : problems.length
                      ? 'warning'
                      : undefined;
                  const label = `${level}·${kindName(kind)}`;
                  const offered = fact.offered !== false;
                  const set = (f: Commitment) => onChange(replaceFact(facts, index, f), factEditKey(index, fact, f));
                  return (
                    <td
                      key={kind}
                      id={factDomId(index)}
                      data-testid={`fact-${fact.id}`}
                      className={offered ? undefined : 'bf-fact-off'}
                    >
                      <div className="bf-level-cell">
                        {!offered && (
                          <Switch
                            size="small"
                            checked={false}
                            aria-label={`${label}：${t('facts.offered')}`}
                            data-testid={`fact-${fact.id}-offered`}
                            onChange={(on) => set({ ...fact, offered: on })}
                          />
                        )}
                        <DurationInput
                          id={factInputId(index)}
                          label={label}
                          value={fact.within}
                          status={status}
                          testId={`fact-${fact.id}`}
                          compact
                          onChange={(within) => set({ ...fact, within })}
                        />
                        {fact.unconfirmed && (
                          <Button
                            size="small"
                            type="link"
                            className="bf-fact-confirm"
                            icon={<CheckOutlined />}
                            aria-label={t('facts.confirmAria', { label })}
                            title={t('facts.example')}
                            data-testid={`fact-${fact.id}-confirm`}
                            onClick={() => {
                              set(confirmFact(fact));
                              document.getElementById(factInputId(index))?.focus();
                            }}
                          />
                        )}
                        <Button
                          size="small"
                          type="text"
                          icon={<CloseOutlined />}
                          disabled={cellsOf(level) <= 1}
                          aria-label={`${label}：${t('facts.levels.general')}`}
                          title={t('facts.levels.general')}
                          data-testid={`fact-${fact.id}-clear`}
                          onClick={() => onChange(removeFact(facts, index), undefined)}
                        />
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cellProblems.length > 0 && (
        <div className="bf-fact-problems bf-level-problems" role="alert">
          {cellProblems.map((p, i) => (
            <div key={i}>{problemText(p, locale)}</div>
          ))}
        </div>
      )}
      <div className="bf-fact-levels-actions">
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={!next}
          data-testid="level-add"
          title={table.levels.length >= MAX_LEVELS ? t('facts.levels.hint') : undefined}
          onClick={() => next && onChange(addLevel(facts, next), undefined)}
        >
          {t('facts.levels.addLevel')}
        </Button>
        {missingKinds.length > 0 && (
          <Select<DeadlineKind>
            size="small"
            aria-label={t('facts.levels.addKind')}
            placeholder={t('facts.levels.addKind')}
            value={null}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            showSearch={{ optionFilterProp: 'label' }}
            options={missingKinds.map((k) => ({ value: k, label: kindName(k) }))}
            onChange={(k) => onChange(addLevelKind(facts, k), undefined)}
          />
        )}
      </div>
    </section>
  );
});
