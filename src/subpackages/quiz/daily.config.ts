// No pull-down refresh: a pull while answering must not reload the round.
export default definePageConfig({ navigationBarTitleText: '每日答题', enablePullDownRefresh: false });
