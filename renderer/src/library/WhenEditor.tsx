// When a clause is included: always, or only when every condition on a project value holds
// (e.g. warranty_months ≥ 24). Values are typed as text and read back as a number, yes/no, a duration or text.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Input, Select, Switch } from 'antd';
import { CONDITION_OPS, type Condition, type When } from '@core/model/library.js';
import { DURATION_UNITS, type DurationUnit } from '@core/model/variables.js';
import { useI18n } from '../i18n.js';

const KEY_RULE = /^[a-z][a-z0-9_]*$/;
const OP_SYMBOL: Record<Exclude<Condition['op'], 'set'>, string> = {
  gte: '≥',
  lte: '≤',
  gt: '>',
  lt: '<',
  eq: '=',
  ne: '≠',
};

const conditionsOf = (w: When | undefined): Condition[] => (w === undefined ? [] : Array.isArray(w) ? w : [w]);
const toWhen = (cs: Condition[]): When | undefined => (cs.length === 0 ? undefined : cs.length === 1 ? cs[0] : cs);

/** "24" → 24, "是"/"yes"/"true" → true, "2小时" → {value: 2, unit: 小时}, anything else stays text. */
export function parseConditionValue(text: string): Condition['value'] {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (['true', 'yes', '是'].includes(s.toLowerCase())) return true;
  if (['false', 'no', '否'].includes(s.toLowerCase())) return false;
  const m = /^(\d+(?:\.\d+)?)\s*(分钟|小时|工作日|天|个月|年)$/.exec(s);
  if (m && DURATION_UNITS.includes(m[2] as DurationUnit)) return { value: Number(m[1]), unit: m[2] as DurationUnit };
  return s;
}

function valueText(v: Condition['value'], yes: string, no: string): string {
  if (v === undefined) return '';
  if (typeof v === 'object') return `${v.value}${v.unit}`;
  if (typeof v === 'boolean') return v ? yes : no;
  return String(v);
}

/** Problems that keep the conditions from being saved. */
export const whenProblem = (w: When | undefined): boolean =>
  conditionsOf(w).some((c) => !KEY_RULE.test(c.key) || (c.op !== 'set' && c.value === undefined));

export function WhenEditor({
  value,
  keys,
  onChange,
}: {
  value: When | undefined;
  keys: string[];
  onChange: (w: When | undefined) => void;
}) {
  const { t } = useI18n();
  const list = conditionsOf(value);
  const set = (i: number, c: Condition) => onChange(toWhen(list.map((x, j) => (j === i ? c : x))));
  const blank: Condition = { key: keys[0] ?? '', op: 'gte', value: 1 };

  return (
    <div className="bf-lib-when" data-testid="when-editor">
      <label className="bf-lib-when-switch">
        <Switch
          size="small"
          checked={list.length > 0}
          onChange={(on) => onChange(on ? blank : undefined)}
          aria-label={t('lib.when.only')}
        />{' '}
        {list.length > 0 ? t('lib.when.only') : t('lib.when.always')}
      </label>
      {list.map((c, i) => (
        <div className="bf-lib-var-row" key={i}>
          <AutoComplete
            size="small"
            className="bf-lib-var-key"
            value={c.key}
            options={keys.map((k) => ({ value: k }))}
            filterOption={(input, o) => String(o?.value ?? '').includes(input)}
            popupMatchSelectWidth={false}
            onChange={(k: string) => set(i, { ...c, key: k.trim() })}
            status={KEY_RULE.test(c.key) ? '' : 'error'}
            placeholder="warranty_months"
            aria-label={t('lib.var.key')}
          />
          <Select
            size="small"
            className="bf-lib-when-op"
            value={c.op}
            options={CONDITION_OPS.map((op) => ({
              value: op,
              label: op === 'set' ? t('lib.when.set') : OP_SYMBOL[op],
            }))}
            onChange={(op) => {
              const { value: _v, ...rest } = c;
              set(i, op === 'set' ? { ...rest, op } : { ...c, op });
            }}
            aria-label={t('lib.when.op')}
          />
          {c.op !== 'set' && (
            <Input
              size="small"
              className="bf-lib-var-label"
              value={valueText(c.value, t('lib.var.yes'), t('lib.var.no'))}
              status={c.value === undefined ? 'error' : ''}
              onChange={(e) => set(i, { ...c, value: parseConditionValue(e.target.value) })}
              placeholder="24 / 2小时 / 是"
              aria-label={t('lib.when.value')}
            />
          )}
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={() => onChange(toWhen(list.filter((_, j) => j !== i)))}
            aria-label={t('lib.when.remove')}
          />
        </div>
      ))}
      {list.length > 0 && (
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange(toWhen([...list, blank]))}>
          {t('lib.when.add')}
        </Button>
      )}
    </div>
  );
}
