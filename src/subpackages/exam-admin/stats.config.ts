// Sharing is on so the nudge can go to the branch's group chat as a card (NudgeShare).
export default definePageConfig({ navigationBarTitleText: '考试情况', enablePullDownRefresh: true, enableShareAppMessage: true });
