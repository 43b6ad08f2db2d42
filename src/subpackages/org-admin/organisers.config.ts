export default definePageConfig({ navigationBarTitleText: '各级管理员', enablePullDownRefresh: true });
