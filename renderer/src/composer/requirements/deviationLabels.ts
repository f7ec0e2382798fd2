// How the UI names each 偏离. The project and every exported 偏离表 keep the Chinese term (正偏离 / 无偏离 / 负偏离);
// the English UI says it in English. Plain data (no React), so the message tables can be tested on their own.
import type { Deviation } from '@core/deviation/schema.js';
import type { composerMessagesZh } from '../messages.js';

export const DEVIATION_LABEL: Record<Deviation, keyof typeof composerMessagesZh> = {
  正偏离: 'req.dev.positive',
  无偏离: 'req.dev.none',
  负偏离: 'req.dev.negative',
};
