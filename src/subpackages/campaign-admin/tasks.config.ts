export default definePageConfig({ navigationBarTitleText: '实事清单', enablePullDownRefresh: true });
