// Sharing is on so the nudge can go to the branch's group chat as a card (NudgeShare).
export default definePageConfig({ navigationBarTitleText: '支部打卡名单', enablePullDownRefresh: true, enableShareAppMessage: true });
