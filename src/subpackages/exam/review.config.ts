export default definePageConfig({ navigationBarTitleText: '答题解析' });
