export default definePageConfig({ navigationBarTitleText: '知识竞赛管理', enablePullDownRefresh: true });
