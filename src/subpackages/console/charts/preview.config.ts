export default definePageConfig({ navigationBarTitleText: '图表样例' });
