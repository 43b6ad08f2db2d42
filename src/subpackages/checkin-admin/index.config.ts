export default definePageConfig({ navigationBarTitleText: '打卡统计', enablePullDownRefresh: true });
