export default definePageConfig({ navigationBarTitleText: '纠错反馈' });
