export default definePageConfig({ navigationBarTitleText: '党员学习' });
