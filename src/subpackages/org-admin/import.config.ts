export default definePageConfig({ navigationBarTitleText: '导入名单' });
