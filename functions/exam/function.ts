// The exam function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/exam/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '考试：题库、闭卷考试、补考、成绩统计与导出',
  runtime: 'Nodejs16.13',
  // Exports and make-ups read the roster branch by branch in large organisations (README: 20 s).
  timeoutSeconds: 20,
  memoryMb: 256,
  triggers: [{ name: 'sweepAttempts', cron: '0 * * * * * *' }],
  openapi: ['subscribeMessage.send'],
});
