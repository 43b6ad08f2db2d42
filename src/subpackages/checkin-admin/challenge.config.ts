export default definePageConfig({ navigationBarTitleText: '活动进度', enablePullDownRefresh: true });
