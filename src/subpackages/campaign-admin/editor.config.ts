export default definePageConfig({ navigationBarTitleText: '编辑专项行动' });
