export default definePageConfig({
  navigationBarTitleText: '党员学习',
  enablePullDownRefresh: true,
});
