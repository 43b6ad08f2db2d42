// The campaign function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/campaign/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '专项行动：分阶段部署、逐级报送报告、实事清单与四落实评估',
  runtime: 'Nodejs16.13',
  // The evaluation workbook over 500 units is built here (docs/BENCHMARKS.md); organisers wait on it.
  timeoutSeconds: 60,
  memoryMb: 512,
  // Reminders before a report's due day, once a day in the morning (Beijing).
  triggers: [{ name: 'reportReminders', cron: '0 0 9 * * * *' }],
  openapi: ['subscribeMessage.send'],
});
