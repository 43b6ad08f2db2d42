export default definePageConfig({ navigationBarTitleText: '答题异常', enablePullDownRefresh: true });
