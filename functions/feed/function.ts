// The feed function's declaration (functions/lib/declaration.ts): read by the build, which writes
// cloudfunctions/feed/config.json and its entry in cloudbaserc.json, and by the local cloud.
import { declareFunction } from '../lib/declaration';

export default declareFunction({
  description: '宣传：文章、投稿审核、评论、先进典型',
  runtime: 'Nodejs16.13',
  // Members wait on it: the README's 10 s (WeChat's default of 3 s is too short for a cold start).
  timeoutSeconds: 10,
  memoryMb: 256,
  triggers: [],
  openapi: ['security.msgSecCheck'],
});
