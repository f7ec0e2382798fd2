// Legal's side of the team library on the command line (the server decides; nothing local changes here):
//   bidforge library sync review                              the versions waiting for a decision
//   bidforge library sync approve|reject|retire CLAUSE VARIANT VERSION [--reason TEXT]
//   bidforge library sync history [CLAUSE]                    the audit log, newest first
// The decision reaches every app on its next sync (at once for a subscribed one).
import { teamClient, TeamSyncError } from '../core/teamSync/client.js';

type Lang = 'zh' | 'en';
export const REVIEW_ACTIONS = ['review', 'approve', 'reject', 'retire', 'history'] as const;

const T = {
  zh: {
    empty: '没有等待审核的版本',
    decided: (a: string, ref: string) =>
      `${{ approve: '已批准', reject: '已退回', retire: '已废止' }[a]}：${ref}（各应用下次同步时生效）`,
    usage: '用法：bidforge library sync approve|reject|retire 条款编号 变体 版本号 [--reason 理由]',
    failed: (m: string) => `团队库拒绝了此操作：${m}`,
  },
  en: {
    empty: 'nothing waits for a decision',
    decided: (a: string, ref: string) =>
      `${{ approve: 'approved', reject: 'rejected', retire: 'retired' }[a]}: ${ref} (apps get it on their next sync)`,
    usage: 'usage: bidforge library sync approve|reject|retire CLAUSE VARIANT VERSION [--reason TEXT]',
    failed: (m: string) => `the team library refused: ${m}`,
  },
};

export async function reviewCommand(
  args: string[],
  o: { url: string; token: string; reason?: string; json: boolean; lang: Lang },
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const t = T[o.lang];
  const api = teamClient({ url: o.url, token: o.token });
  const [action, clauseId, variant, version] = args;
  try {
    if (action === 'review') {
      const queue = await api.review();
      if (o.json) out(JSON.stringify(queue, null, 2));
      else
        out(
          queue.length
            ? queue.map((q) => `${q.clauseId}\t${q.variant}\tv${q.version}\t${q.author}\t${q.title}`).join('\n')
            : t.empty,
        );
      return 0;
    }
    if (action === 'history') {
      const rows = await api.history(clauseId);
      out(
        o.json
          ? JSON.stringify(rows, null, 2)
          : rows
              .map((h) => `${h.at}\t${h.actor}\t${h.action}\t${h.clauseId}/${h.variant} v${h.version}\t${h.reason}`)
              .join('\n'),
      );
      return 0;
    }
    const n = Number(version);
    if (
      (action !== 'approve' && action !== 'reject' && action !== 'retire') ||
      !clauseId ||
      !variant ||
      !Number.isInteger(n) ||
      n < 1
    ) {
      err(t.usage);
      return 2;
    }
    const r = await api.decide({ clauseId, variant, version: n, action, reason: o.reason ?? '' });
    out(o.json ? JSON.stringify(r) : t.decided(action, `${clauseId}/${variant} v${n}`));
    return 0;
  } catch (e) {
    if (!(e instanceof TeamSyncError)) throw e;
    err(t.failed(e.message));
    return 1;
  }
}
