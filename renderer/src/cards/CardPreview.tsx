// One warranty card as HTML: the same labelled values, periods and QR the exported PDF prints.
import type { CardPreview as Card } from '@core/api/appContract.js';
import { useI18n } from '../i18n.js';

/** QR modules as one SVG path: crisp at any size, no canvas. */
function QrCode({ modules }: { modules: boolean[][] }) {
  const n = modules.length;
  let d = '';
  modules.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return (
    <svg className="bf-card-qr" viewBox={`-2 -2 ${n + 4} ${n + 4}`} role="img" aria-label="QR">
      <rect x={-2} y={-2} width={n + 4} height={n + 4} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

export function CardPreview({ card }: { card: Card }) {
  const { t } = useI18n();
  return (
    <article className="bf-card" data-testid={`card-preview-${card.serial}`}>
      <header className="bf-card-head">
        <div>
          <div className="bf-card-title">{card.title}</div>
          <div className="bf-card-company">{card.company}</div>
        </div>
        {card.qr && <QrCode modules={card.qr} />}
      </header>
      <div className="bf-card-hotline">
        {card.labels.hotline} <strong>{card.hotline}</strong>
        {card.serviceHours && (
          <span className="bf-card-hours">
            {card.labels.serviceHours}：{card.serviceHours}
          </span>
        )}
      </div>
      <dl className="bf-card-fields">
        {card.fields.map((f) => (
          <div key={f.label} className={f.wide ? 'bf-card-field wide' : 'bf-card-field'}>
            <dt>{f.label}</dt>
            <dd>{f.value || '\u00a0'}</dd>
          </div>
        ))}
      </dl>
      <div className="bf-card-periods">
        <span className="bf-card-periods-label">{card.labels.periods}</span>
        <span className="bf-card-period-list">
          {card.periods.map((p) => (
            <span key={p.name}>
              {p.name} {p.label}（{t('cards.until', { date: p.end })}）
            </span>
          ))}
        </span>
      </div>
      <footer className="bf-card-row">{t('cards.rowOf', { row: card.row })}</footer>
    </article>
  );
}
