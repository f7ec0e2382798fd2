// The figure of one fact, with the controls its kind needs: a time and its event, a period, N times every …,
// a count, a price (free, an amount, at cost, by the list, a discount), service hours, training, a percentage.
import { Checkbox, Input, InputNumber, Select, Switch } from 'antd';
import { isPrice, type Commitment, type FactDuration, type Price } from '@core/commitments/schema.js';
import { useI18n, type MessageKey } from '../../i18n.js';
import { AmountInput, DurationInput, EventSelect, WholeNumber } from './controls.js';

type Props = {
  fact: Commitment;
  label: string;
  /** The id of the first control: a problem's link and the label's htmlFor put the cursor there. */
  inputId: string;
  status: 'error' | 'warning' | undefined;
  onChange: (fact: Commitment) => void;
};

type PriceMode = 'free' | 'amount' | 'cost' | 'list' | 'discount';
const COVERS = ['parts', 'labour', 'travel'] as const;

export function FactValue({ fact, label, inputId, status, onChange }: Props) {
  const { t } = useI18n();
  const tid = `fact-${fact.id}`;
  const duration = (d: FactDuration, set: (d: FactDuration) => void) => (
    <DurationInput id={inputId} value={d} onChange={set} label={label} status={status} testId={tid} />
  );

  switch (fact.kind) {
    case 'replace_after_repairs':
      return (
        <WholeNumber
          id={inputId}
          label={label}
          value={fact.repairs}
          max={100}
          suffix={t('facts.timesSuffix')}
          status={status}
          testId={`${tid}-value`}
          onChange={(n) => n && onChange({ ...fact, repairs: n })}
        />
      );
    case 'downtime_restart':
      return duration(fact.over, (over) => onChange({ ...fact, over }));
    case 'book_ahead':
      return duration(fact.ahead, (ahead) => onChange({ ...fact, ahead }));
    case 'service_hours':
      return (
        <>
          <Select
            id={inputId}
            aria-label={`${label}：${t('facts.schedule')}`}
            data-testid={`${tid}-schedule`}
            value={fact.schedule}
            style={{ width: 180 }}
            options={(['7x24', '5x8', 'stated'] as const).map((s) => ({
              value: s,
              label: t(`facts.schedule.${s}`),
            }))}
            onChange={(schedule) =>
              onChange(
                schedule === 'stated'
                  ? { ...fact, schedule, text: fact.text ?? '' }
                  : (({ text: _text, ...rest }) => ({ ...rest, schedule }))(fact),
              )
            }
          />
          {fact.schedule === 'stated' && (
            <Input
              aria-label={`${label}：${t('facts.hoursText')}`}
              data-testid={`${tid}-text`}
              value={fact.text ?? ''}
              placeholder={t('facts.hoursPlaceholder')}
              maxLength={200}
              status={fact.text?.trim() ? status : 'error'}
              style={{ width: 260 }}
              onChange={(e) => onChange({ ...fact, text: e.target.value })}
            />
          )}
        </>
      );
    case 'train':
      return (
        <>
          {duration(fact.length, (length) => onChange({ ...fact, length }))}
          <span className="bf-muted">{t('facts.trainees')}</span>
          <WholeNumber
            label={`${label}：${t('facts.trainees')}`}
            value={fact.trainees}
            max={10_000}
            suffix={t('facts.people')}
            testId={`${tid}-trainees`}
            allowEmpty
            onChange={(trainees) =>
              onChange(trainees === undefined ? (({ trainees: _x, ...rest }) => rest)(fact) : { ...fact, trainees })
            }
          />
        </>
      );
    case 'satisfaction':
      return (
        <InputNumber<number>
          id={inputId}
          aria-label={`${label}：${t('facts.percent')}`}
          data-testid={`${tid}-value`}
          value={fact.percent}
          min={1}
          max={100}
          status={status}
          suffix={<span className="bf-unit">%</span>}
          style={{ width: 120 }}
          onChange={(n) => typeof n === 'number' && n > 0 && onChange({ ...fact, percent: n })}
        />
      );
    default:
      break;
  }
  if ('within' in fact)
    return (
      <>
        {duration(fact.within, (within) => onChange({ ...fact, within }))}
        <EventSelect
          label={label}
          value={fact.from}
          testId={tid}
          onChange={(from) => from && onChange({ ...fact, from })}
        />
      </>
    );
  if ('period' in fact)
    return (
      <>
        {duration(fact.period, (period) => onChange({ ...fact, period }))}
        <EventSelect
          label={label}
          value={fact.from}
          optional
          testId={tid}
          onChange={(from) => onChange(from ? { ...fact, from } : (({ from: _f, ...rest }) => rest)(fact))}
        />
        {fact.kind === 'warranty' && (
          <div className="bf-fact-extra">
            <span className="bf-muted">{t('facts.covers')}</span>
            <Checkbox.Group
              aria-label={`${label}：${t('facts.covers')}`}
              value={fact.covers ?? []}
              options={COVERS.map((c) => ({ value: c, label: t(`facts.cover.${c}`) }))}
              onChange={(v) => {
                const covers = COVERS.filter((c) => v.includes(c));
                onChange(covers.length ? { ...fact, covers } : (({ covers: _c, ...rest }) => rest)(fact));
              }}
            />
            {fact.scope?.component && (
              <label className="bf-fact-inline">
                <Switch
                  size="small"
                  checked={fact.separate ?? false}
                  onChange={(on) => onChange(on ? { ...fact, separate: true } : (({ separate: _s, ...r }) => r)(fact))}
                />
                {t('facts.separate')}
              </label>
            )}
          </div>
        )}
      </>
    );
  if ('times' in fact)
    return (
      <>
        <span className="bf-muted">{t('facts.everyPrefix')}</span>
        {duration(fact.every, (every) => onChange({ ...fact, every }))}
        <WholeNumber
          label={`${label}：${t('facts.times')}`}
          value={fact.times}
          max={1000}
          suffix={t('facts.timesSuffix')}
          testId={`${tid}-times`}
          onChange={(times) => times && onChange({ ...fact, times })}
        />
      </>
    );
  if ('count' in fact)
    return (
      <WholeNumber
        id={inputId}
        label={`${label}：${t('facts.count.value')}`}
        value={fact.count}
        max={100_000}
        suffix={t(fact.kind === 'engineers' || fact.kind === 'dedicated_engineers' ? 'facts.people' : 'facts.places')}
        status={status}
        testId={`${tid}-value`}
        onChange={(count) => count && onChange({ ...fact, count })}
      />
    );
  if (!isPrice(fact)) return null;
  return <PriceValue fact={fact} label={label} inputId={inputId} status={status} onChange={onChange} />;
}

function PriceValue({ fact, label, inputId, status, onChange }: Props & { fact: Price }) {
  const { t } = useI18n();
  const p = fact;
  const mode: PriceMode = p.free ? 'free' : (p.basis ?? 'amount');
  const { free: _f, amount: _a, basis: _b, percent: _p, per: _per, ...base } = p;
  const setMode = (m: PriceMode) => {
    if (m === 'free') return onChange({ ...base, free: true });
    if (m === 'amount') return onChange({ ...base, amount: p.amount ?? '0.00', ...(p.per ? { per: p.per } : {}) });
    return onChange({ ...base, basis: m, ...(m === 'discount' ? { percent: p.percent ?? 10 } : {}) });
  };
  return (
    <>
      <Select<PriceMode>
        id={inputId}
        aria-label={`${label}：${t('facts.price')}`}
        data-testid={`fact-${fact.id}-price`}
        value={mode}
        status={status}
        style={{ width: 168 }}
        options={(['free', 'amount', 'cost', 'list', 'discount'] as const).map((m) => ({
          value: m,
          label: t(`facts.price.${m}` as MessageKey),
        }))}
        onChange={setMode}
      />
      {mode === 'amount' && (
        <>
          <AmountInput
            label={`${label}：${t('facts.amount')}`}
            value={p.amount}
            status={status}
            testId={`fact-${fact.id}-amount`}
            onChange={(amount) => onChange({ ...p, amount })}
          />
          <Input
            aria-label={`${label}：${t('facts.per')}`}
            value={p.per ?? ''}
            placeholder={t('facts.perPlaceholder')}
            maxLength={20}
            style={{ width: 110 }}
            prefix={<span className="bf-unit">/</span>}
            onChange={(e) =>
              onChange(e.target.value.trim() ? { ...p, per: e.target.value.trim() } : (({ per: _x, ...r }) => r)(p))
            }
          />
        </>
      )}
      {mode === 'discount' && (
        <InputNumber<number>
          aria-label={`${label}：${t('facts.percent')}`}
          value={p.percent ?? null}
          min={0}
          max={100}
          suffix={<span className="bf-unit">%</span>}
          style={{ width: 110 }}
          onChange={(n) => typeof n === 'number' && onChange({ ...p, percent: n })}
        />
      )}
    </>
  );
}
