export default definePageConfig({
  navigationBarTitleText: '党员学习',
  enablePullDownRefresh: true,
  // Start fetching the next page of the feed a little before the very bottom.
  onReachBottomDistance: 120,
});
