export default definePageConfig({ navigationBarTitleText: '绑定申请', enablePullDownRefresh: true });
