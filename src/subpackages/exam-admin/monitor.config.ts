export default definePageConfig({ navigationBarTitleText: '监考' });
