export default definePageConfig({ navigationBarTitleText: '打卡设置' });
