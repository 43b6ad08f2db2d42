export default definePageConfig({ navigationBarTitleText: '邀请党员绑定' });
