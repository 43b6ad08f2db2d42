export default definePageConfig({ navigationBarTitleText: '未参加名单', enablePullDownRefresh: true, enableShareAppMessage: true });
