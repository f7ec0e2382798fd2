// One tender requirement: what the tender asks (item, ★, wording, ≥/≤/= figure with unit or free text), the variable
// holding our promise, and — once confirmed — the computed 偏离 with its 废标 risk and, for a 负偏离, the accepted reason.
import { CheckOutlined, CloseOutlined, DeleteOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, Input, InputNumber, Select, Space, Tag, Tooltip } from 'antd';
import type { VariableField } from '@core/api/contract.js';
import type { DeviationRow } from '@core/deviation/compute.js';
import { DEVIATIONS, type Deviation, type Requirement, type RequirementOp } from '@core/deviation/schema.js';
import { problemText } from '@core/i18n/problemText.js';
import type { Problem } from '@core/model/problem.js';
import { useI18n } from '../../i18n.js';
import { DEVIATION_LABEL } from './deviationLabels.js';

export const requirementDomId = (index: number) => `req-row-${index}`;

const UNITS = ['分钟', '小时', '工作日', '天', '个月', '年', '次', '人', '%'].map((value) => ({ value }));
const DEVIATION_COLOR: Record<Deviation, string> = { 正偏离: 'green', 无偏离: 'blue', 负偏离: 'red' };
/** Variables whose value can answer a requirement (a figure, or a text/choice for free-text rows). */
const LINKABLE = new Set(['duration', 'integer', 'number', 'percent', 'money', 'text', 'choice', 'boolean']);

export type RequirementRowProps = {
  index: number;
  req: Requirement;
  fields: VariableField[];
  /** The computed row (confirmed requirements only). */
  row?: DeviationRow;
  problems?: Problem[];
  onChange: (req: Requirement, key: string) => void;
  onDelete: () => void;
  /** Proposals only: confirm puts the row into the project. */
  onConfirm?: () => void;
};

export function RequirementRow({
  index,
  req,
  fields,
  row,
  problems = [],
  onChange,
  onDelete,
  onConfirm,
}: RequirementRowProps) {
  const { t, locale } = useI18n();
  const proposal = onConfirm !== undefined;
  const tid = (name: string) => `${proposal ? 'proposal' : 'req'}-${name}-${index}`;
  const set = (patch: Partial<Requirement>, key: string) =>
    onChange({ ...req, ...patch }, `requirements.${index}.${key}`);
  const setOp = (op: RequirementOp | 'text') => {
    if (op === 'text') {
      const { op: _o, value: _v, ...rest } = req;
      onChange(rest, `requirements.${index}.op`);
    } else set({ op, value: req.value ?? 0 }, 'op');
  };
  const deviation = row?.deviation;
  const negative = deviation === '负偏离';
  const linkable = fields.filter((f) => LINKABLE.has(f.type));

  return (
    <li
      className={`bf-req${negative ? ' bf-req-negative' : ''}${proposal ? ' bf-req-proposal' : ''}`}
      id={proposal ? undefined : requirementDomId(index)}
      data-testid={tid('row')}
    >
      <div className="bf-req-line">
        <span className="bf-section-no">{String(index + 1).padStart(2, '0')}</span>
        <Input
          size="small"
          className="bf-req-item"
          placeholder={t('req.item')}
          aria-label={t('req.item')}
          value={req.item}
          maxLength={50}
          onChange={(e) => set({ item: e.target.value }, 'item')}
        />
        <Checkbox checked={req.star} onChange={(e) => set({ star: e.target.checked }, 'star')}>
          {t('req.star')}
        </Checkbox>
        <span className="bf-req-status">
          {row && (
            <Tag
              color={deviation ? DEVIATION_COLOR[deviation] : 'default'}
              variant="filled"
              data-testid={tid('deviation')}
            >
              {deviation ? t(DEVIATION_LABEL[deviation]) : t('req.pending')}
            </Tag>
          )}
          {negative && req.star && (
            <Tag color="error" data-testid={tid('risk')}>
              ★ {t('req.risk')}
            </Tag>
          )}
          {proposal && (
            <Tooltip title={t('req.confirm')}>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                onClick={onConfirm}
                data-testid={tid('confirm')}
              >
                {t('req.confirm')}
              </Button>
            </Tooltip>
          )}
          <Tooltip title={proposal ? t('req.discard') : t('req.delete')}>
            <Button
              size="small"
              type="text"
              danger
              icon={proposal ? <CloseOutlined /> : <DeleteOutlined />}
              aria-label={proposal ? t('req.discard') : t('req.delete')}
              onClick={onDelete}
              data-testid={tid('delete')}
            />
          </Tooltip>
        </span>
      </div>
      <Input.TextArea
        className="bf-req-text"
        autoSize={{ minRows: 1, maxRows: 4 }}
        aria-label={t('req.text')}
        value={req.text}
        maxLength={1000}
        status={req.text.trim() ? undefined : 'error'}
        placeholder={t('req.emptyText')}
        onChange={(e) => set({ text: e.target.value }, 'text')}
      />
      <div className="bf-req-line bf-req-figure">
        <Select<RequirementOp | 'text'>
          size="small"
          className="bf-req-op"
          aria-label={t('req.op')}
          value={req.op ?? 'text'}
          onChange={setOp}
          options={[
            { value: '<=', label: '≤' },
            { value: '>=', label: '≥' },
            { value: '=', label: '=' },
            { value: 'text', label: t('req.opText') },
          ]}
        />
        {req.op !== undefined && (
          <>
            <InputNumber
              size="small"
              className="bf-req-value"
              aria-label={t('req.value')}
              min={0}
              value={req.value}
              onChange={(v) => set({ value: typeof v === 'number' ? v : 0 }, 'value')}
            />
            <AutoComplete
              size="small"
              className="bf-req-unit"
              aria-label={t('req.unit')}
              placeholder={t('req.unit')}
              options={UNITS}
              value={req.unit ?? ''}
              onChange={(v: string) => set(v ? { unit: v } : { unit: undefined }, 'unit')}
            />
          </>
        )}
        <Select<string>
          size="small"
          className="bf-req-key"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          aria-label={t('req.key')}
          placeholder={t('req.keyPlaceholder')}
          value={req.key}
          status={req.op !== undefined && !req.key ? 'warning' : undefined}
          onChange={(v?: string) => set({ key: v || undefined }, 'key')}
          // By label, never by key; a label two fields share says which section each is in.
          options={linkable.map((f) => ({
            value: f.key,
            label: linkable.some((g) => g !== f && g.label === f.label) ? `${f.label}（${f.section}）` : f.label,
          }))}
          data-testid={tid('key')}
        />
        {req.op === undefined && !proposal && (
          <Select<Deviation>
            size="small"
            allowClear
            className="bf-req-manual"
            aria-label={t('req.manual')}
            placeholder={t('req.manual')}
            value={req.deviation}
            onChange={(v?: Deviation) => set({ deviation: v }, 'deviation')}
            options={DEVIATIONS.map((d) => ({ value: d, label: t(DEVIATION_LABEL[d]) }))}
          />
        )}
      </div>
      {/* The response is the 偏离表's own text, in the document's language. */}
      {row?.response ? (
        <div className="bf-muted bf-req-response">
          {t('req.response')}
          <span data-user-data>{row.response}</span>
        </div>
      ) : null}
      {negative && (
        <Space.Compact size="small" block className="bf-req-accept">
          <Space.Addon>{t('req.accepted')}</Space.Addon>
          <Input
            aria-label={t('req.accepted')}
            placeholder={t('req.acceptPlaceholder')}
            value={req.accepted ?? ''}
            maxLength={500}
            status={req.accepted ? undefined : 'error'}
            onChange={(e) => set({ accepted: e.target.value || undefined }, 'accepted')}
            data-testid={tid('accept')}
          />
        </Space.Compact>
      )}
      {problems.length > 0 && (
        <ul className="bf-req-problems">
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'bf-err' : 'bf-warn'}>
              {problemText(p, locale)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
