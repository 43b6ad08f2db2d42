export default definePageConfig({ navigationBarTitleText: '文章', onReachBottomDistance: 120 });
