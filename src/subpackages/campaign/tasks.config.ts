export default definePageConfig({ navigationBarTitleText: '办实事清单', enablePullDownRefresh: true, enableShareAppMessage: true });
