// No pull-down refresh: a pull while answering must not reload the round.
export default definePageConfig({ navigationBarTitleText: '知识竞赛', enablePullDownRefresh: false });
