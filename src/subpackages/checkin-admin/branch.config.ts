export default definePageConfig({ navigationBarTitleText: '支部打卡名单', enablePullDownRefresh: true });
