export default definePageConfig({ navigationBarTitleText: '评论审核', enablePullDownRefresh: true });
