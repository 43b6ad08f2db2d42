export default definePageConfig({ navigationBarTitleText: '宣传文章管理', enablePullDownRefresh: true });
