export default definePageConfig({ navigationBarTitleText: '党员参学情况', enablePullDownRefresh: true });
