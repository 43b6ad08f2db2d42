export default definePageConfig({ navigationBarTitleText: '先进典型设置' });
