export default definePageConfig({ navigationBarTitleText: '清单详情' });
