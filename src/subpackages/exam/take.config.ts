// No pull-down refresh: a pull while answering must not reload the paper.
export default definePageConfig({ navigationBarTitleText: '答题', enablePullDownRefresh: false });
