// Fault levels as the facts name them (一级…五级, 紧急/重大/一般/轻微 …): a fault-level table lists the levels the bid
// actually promises, most severe first, each with its own times or else the general promise's.
import { factDeadline } from './phrase.js';
import { isDeadline, type Commitment, type DeadlineKind } from './schema.js';

const LEVEL_ORDER = ['紧急', '一级', '重大', '严重', '二级', '三级', '一般', '四级', '轻微', '五级'];

/** A level's place in the severity order (lower is more severe); -1 for a name outside the usual ones. */
export const severityOf = (level: string): number => LEVEL_ORDER.indexOf(level.replace(/故障$/, ''));

/** The bidder's own general or per-level deadline: no product, component, region or channel narrows it. */
const plain = (c: Commitment) =>
  !c.scope?.product &&
  !c.scope?.component &&
  !c.scope?.region &&
  !c.scope?.channel &&
  (c.scope?.party ?? 'bidder') === 'bidder';

/** The levels the offered facts name, most severe first (unusual names after, in the order they appear). */
export function levelsOf(facts: readonly Commitment[]): string[] {
  const names = [
    ...new Set(
      facts.filter((c) => c.offered && isDeadline(c) && plain(c) && c.scope?.level).map((c) => c.scope!.level!),
    ),
  ];
  const rank = (l: string) => (severityOf(l) < 0 ? LEVEL_ORDER.length + names.indexOf(l) : severityOf(l));
  return names.sort((a, b) => rank(a) - rank(b));
}

/** A level's time for one kind with its event, else the general promise's, else undefined. */
export function levelDeadline(facts: readonly Commitment[], level: string, kind: DeadlineKind): string | undefined {
  const find = (lvl: string | undefined) =>
    facts.find((c) => c.offered && c.kind === kind && plain(c) && c.scope?.level === lvl);
  const f = find(level) ?? find(undefined);
  return f ? factDeadline(f) : undefined;
}
