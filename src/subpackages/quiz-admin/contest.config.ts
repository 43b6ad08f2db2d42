export default definePageConfig({ navigationBarTitleText: '竞赛情况', enablePullDownRefresh: true });
