export default definePageConfig({ navigationBarTitleText: '更正答案并重新评分' });
