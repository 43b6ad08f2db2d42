export default definePageConfig({ navigationBarTitleText: '考试情况', enablePullDownRefresh: true });
