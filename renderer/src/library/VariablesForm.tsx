// The variable declarations of a draft as a form: one block per variable (key, label, type, unit, default, bounds,
// options for a choice). Table columns are edited in the JSON view, which stays available as the advanced mode.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, InputNumber, Select, Tooltip } from 'antd';
import { DURATION_UNITS, VARIABLE_TYPES, type VariableType } from '@core/model/variables.js';
import type { VariableDecl } from '@core/api/library.js';
import { useI18n, type MessageKey } from '../i18n.js';

const KEY_RULE = /^[a-z][a-z0-9_]*$/;
const NUMERIC: VariableType[] = ['integer', 'number', 'percent', 'money', 'duration'];
const WITH_UNIT: VariableType[] = ['text', 'integer', 'number', 'percent', 'money', 'duration'];
/** Wordings whose default can be marked an example; a figure's default is always one (core/assemble/values.ts). */
const EXAMPLE_ABLE: VariableType[] = ['text', 'multiline', 'choice'];

export const typeKey = (ty: VariableType): MessageKey => `lib.vtype.${ty}`;

/** Problems that keep the declarations from being saved, by row (the API checks the rest). */
export function declarationProblems(vars: VariableDecl[]): Map<number, 'key' | 'dup' | 'label'> {
  const out = new Map<number, 'key' | 'dup' | 'label'>();
  vars.forEach((v, i) => {
    if (!KEY_RULE.test(v.key)) out.set(i, 'key');
    else if (vars.findIndex((w) => w.key === v.key) !== i) out.set(i, 'dup');
    else if (!v.label.trim()) out.set(i, 'label');
  });
  return out;
}

/** Sets or clears one optional field, keeping the declaration free of undefined members (clean JSON, clean diffs). */
type OptionalField = 'default' | 'unit' | 'min' | 'max' | 'options';
function withField<K extends OptionalField>(v: VariableDecl, k: K, value: VariableDecl[K] | undefined): VariableDecl {
  const next = { ...v };
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0 && k === 'options'))
    delete next[k];
  else next[k] = value;
  return next;
}

/** A type change keeps key, label and required; fields that no longer fit (default, bounds, options) go. */
function retype(v: VariableDecl, type: VariableType): VariableDecl {
  const next: VariableDecl = { key: v.key, label: v.label, type, required: v.required };
  if (v.unit !== undefined && WITH_UNIT.includes(type)) next.unit = v.unit;
  if (v.example && EXAMPLE_ABLE.includes(type)) next.example = true;
  if (type === 'table') next.columns = v.columns ?? [];
  return next;
}

function DefaultInput({ v, onChange }: { v: VariableDecl; onChange: (d: unknown) => void }) {
  const { t } = useI18n();
  const d = v.default;
  const ph = t('lib.var.noDefault');
  switch (v.type) {
    case 'integer':
    case 'number':
    case 'percent':
      return (
        <InputNumber
          size="small"
          className="bf-lib-var-wide"
          value={typeof d === 'number' ? d : null}
          precision={v.type === 'integer' ? 0 : undefined}
          placeholder={ph}
          onChange={(n) => onChange(n ?? undefined)}
        />
      );
    case 'duration': {
      const dur = d && typeof d === 'object' && 'value' in d ? (d as { value: number; unit: string }) : undefined;
      const unit = dur?.unit ?? (DURATION_UNITS as readonly string[]).find((u) => u === v.unit) ?? '小时';
      return (
        <span className="bf-lib-var-wide bf-lib-var-pair">
          <InputNumber
            size="small"
            min={0}
            value={dur?.value ?? null}
            placeholder={ph}
            onChange={(n) => onChange(n === null ? undefined : { value: n, unit })}
          />
          <Select
            size="small"
            value={unit}
            options={DURATION_UNITS.map((u) => ({ value: u, label: u }))}
            onChange={(u) => onChange({ value: dur?.value ?? 0, unit: u })}
            popupMatchSelectWidth={false}
          />
        </span>
      );
    }
    case 'boolean':
      return (
        <Select
          size="small"
          className="bf-lib-var-wide"
          value={typeof d === 'boolean' ? String(d) : ''}
          options={[
            { value: '', label: ph },
            { value: 'true', label: t('lib.var.yes') },
            { value: 'false', label: t('lib.var.no') },
          ]}
          onChange={(x) => onChange(x === '' ? undefined : x === 'true')}
        />
      );
    case 'choice':
      return (
        <Select
          size="small"
          className="bf-lib-var-wide"
          allowClear
          value={typeof d === 'string' ? d : undefined}
          placeholder={ph}
          options={(v.options ?? []).map((o) => ({ value: o, label: o }))}
          onChange={(x) => onChange(x ?? undefined)}
        />
      );
    case 'list':
      return (
        <Select
          size="small"
          className="bf-lib-var-wide"
          mode="tags"
          value={Array.isArray(d) ? (d as string[]) : []}
          placeholder={ph}
          open={false}
          onChange={(xs: string[]) => onChange(xs.length ? xs : undefined)}
        />
      );
    case 'table':
      return <span className="bf-muted bf-lib-var-wide">{t('lib.var.tableInJson')}</span>;
    default:
      // text, multiline, money ("12800.00"), date ("2026-11-24"): typed as text, checked by the API and the sample render
      return (
        <Input
          size="small"
          className="bf-lib-var-wide"
          value={typeof d === 'string' ? d : d === undefined ? '' : JSON.stringify(d)}
          placeholder={v.type === 'date' ? '2026-11-24' : v.type === 'money' ? '12800.00' : ph}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
}

export function VariablesForm({
  value,
  onChange,
}: {
  value: VariableDecl[];
  onChange: (vars: VariableDecl[]) => void;
}) {
  const { t } = useI18n();
  const problems = declarationProblems(value);
  const set = (i: number, v: VariableDecl) => onChange(value.map((x, j) => (j === i ? v : x)));
  const problemText = {
    key: t('lib.var.keyRule'),
    dup: t('lib.var.keyDup'),
    label: t('lib.var.labelRequired'),
  } as const;

  return (
    <div className="bf-lib-vars" data-testid="variables-form">
      {value.map((v, i) => {
        const problem = problems.get(i);
        return (
          <div className="bf-lib-var" key={i} data-testid={`var-${i}`}>
            <div className="bf-lib-var-row">
              <Input
                size="small"
                className="bf-lib-var-key"
                value={v.key}
                status={problem === 'key' || problem === 'dup' ? 'error' : ''}
                onChange={(e) => set(i, { ...v, key: e.target.value.trim() })}
                placeholder="warranty_months"
                aria-label={t('lib.var.key')}
              />
              <Input
                size="small"
                className="bf-lib-var-label"
                value={v.label}
                status={problem === 'label' ? 'error' : ''}
                onChange={(e) => set(i, { ...v, label: e.target.value })}
                placeholder={t('lib.var.label')}
                aria-label={t('lib.var.label')}
              />
              <Select<VariableType>
                size="small"
                className="bf-lib-var-type"
                value={v.type}
                onChange={(ty) => set(i, retype(v, ty))}
                options={VARIABLE_TYPES.map((ty) => ({ value: ty, label: t(typeKey(ty)) }))}
                aria-label={t('lib.var.type')}
                popupMatchSelectWidth={false}
              />
              <span className="bf-lib-var-end">
                {EXAMPLE_ABLE.includes(v.type) && (
                  <Tooltip title={t('lib.var.exampleHint')}>
                    <Checkbox
                      checked={v.example === true}
                      onChange={(e) => {
                        const { example: _e, ...rest } = v;
                        set(i, e.target.checked ? { ...rest, example: true } : rest);
                      }}
                      data-testid={`var-${i}-example`}
                    >
                      {t('lib.var.example')}
                    </Checkbox>
                  </Tooltip>
                )}
                <Tooltip title={t('lib.var.requiredHint')}>
                  <Checkbox checked={v.required} onChange={(e) => set(i, { ...v, required: e.target.checked })}>
                    {t('lib.var.required')}
                  </Checkbox>
                </Tooltip>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                  aria-label={t('lib.var.remove')}
                />
              </span>
            </div>
            <div className="bf-lib-var-row">
              <label className="bf-lib-var-field">
                <span>{t('lib.var.default')}</span>
                <DefaultInput v={v} onChange={(d) => set(i, withField(v, 'default', d))} />
              </label>
              {WITH_UNIT.includes(v.type) && v.type !== 'duration' && (
                <label className="bf-lib-var-field">
                  <span>{t('lib.var.unit')}</span>
                  <Input
                    size="small"
                    className="bf-lib-var-unit"
                    value={v.unit ?? ''}
                    onChange={(e) => set(i, withField(v, 'unit', e.target.value || undefined))}
                  />
                </label>
              )}
              {NUMERIC.includes(v.type) && (
                <label className="bf-lib-var-field">
                  <span>{t('lib.var.range')}</span>
                  <InputNumber
                    size="small"
                    className="bf-lib-var-num"
                    value={v.min ?? null}
                    placeholder={t('lib.var.min')}
                    onChange={(n) => set(i, withField(v, 'min', n ?? undefined))}
                    aria-label={t('lib.var.min')}
                  />
                  <span className="bf-muted">–</span>
                  <InputNumber
                    size="small"
                    className="bf-lib-var-num"
                    value={v.max ?? null}
                    placeholder={t('lib.var.max')}
                    onChange={(n) => set(i, withField(v, 'max', n ?? undefined))}
                    aria-label={t('lib.var.max')}
                  />
                </label>
              )}
              {v.type === 'choice' && (
                <label className="bf-lib-var-field bf-lib-var-grow">
                  <span>{t('lib.var.options')}</span>
                  <Select
                    size="small"
                    mode="tags"
                    open={false}
                    className="bf-lib-var-wide"
                    value={v.options ?? []}
                    onChange={(xs: string[]) => set(i, withField(v, 'options', xs))}
                    placeholder={t('lib.var.optionsHint')}
                    aria-label={t('lib.var.options')}
                  />
                </label>
              )}
            </div>
            {problem && <div className="bf-lib-error bf-lib-var-problem">{problemText[problem]}</div>}
          </div>
        );
      })}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, { key: '', label: '', type: 'text', required: true }])}
        data-testid="add-variable"
      >
        {t('lib.var.add')}
      </Button>
    </div>
  );
}
