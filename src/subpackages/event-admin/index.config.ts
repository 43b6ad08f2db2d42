export default definePageConfig({ navigationBarTitleText: '活动报名管理', enablePullDownRefresh: true });
