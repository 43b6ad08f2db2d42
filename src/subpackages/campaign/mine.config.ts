export default definePageConfig({ navigationBarTitleText: '我负责的实事', enablePullDownRefresh: true });
