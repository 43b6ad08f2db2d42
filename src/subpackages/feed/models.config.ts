export default definePageConfig({ navigationBarTitleText: '先进典型', enablePullDownRefresh: true });
