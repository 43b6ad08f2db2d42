export default definePageConfig({ navigationBarTitleText: '清单详情', enablePullDownRefresh: true, enableShareAppMessage: true });
