// 团队库: the team server this data folder syncs with (core/teamSync). Optional: without it the app is a
// single-machine library, as before. The token is the user's own (issued by `bidforge server add-user`).
import { z } from 'zod';

export const teamServerSchema = z.object({
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^/\s]+(\/\S*)?$/, '团队库地址应以 http:// 或 https:// 开头'),
  token: z
    .string()
    .trim()
    .regex(/^bft_[A-Za-z0-9_-]{20,100}$/, '团队库令牌应以 bft_ 开头（由管理员用 bidforge server add-user 签发）'),
  /** Sync on start and after each change (else only on demand). */
  auto: z.boolean().default(true),
});
export type TeamServerSettings = z.infer<typeof teamServerSchema>;
