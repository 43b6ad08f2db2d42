// Where things are. Tab pages are opened with switchTab, the rest with navigateTo.
import Taro from '@tarojs/taro';

export const TAB = {
  home: '/pages/home/index',
  study: '/pages/study/index',
  answer: '/pages/answer/index',
  activity: '/pages/activity/index',
  mine: '/pages/mine/index',
} as const;

export const PAGE = {
  bind: '/pages/bind/index',
  login: '/pages/login/index',
  admin: '/subpackages/org-admin/index',
  adminUnits: '/subpackages/org-admin/units',
  adminInvite: '/subpackages/org-admin/invite',
  adminUnitsImport: '/subpackages/org-admin/units-import',
  adminOrganisers: '/subpackages/org-admin/organisers',
  adminRoster: '/subpackages/org-admin/roster',
  adminImport: '/subpackages/org-admin/import',
  adminRequests: '/subpackages/org-admin/requests',
  examIntro: '/subpackages/exam/intro',
  examTake: '/subpackages/exam/take',
  examResult: '/subpackages/exam/result',
  examReview: '/subpackages/exam/review',
  examAdmin: '/subpackages/exam-admin/index',
  examBank: '/subpackages/exam-admin/bank',
  examQuestion: '/subpackages/exam-admin/question',
  examQuestionHistory: '/subpackages/exam-admin/history',
  examImport: '/subpackages/exam-admin/import',
  examReports: '/subpackages/exam-admin/reports',
  examEditor: '/subpackages/exam-admin/editor',
  examMonitor: '/subpackages/exam-admin/monitor',
  examStats: '/subpackages/exam-admin/stats',
  examRegrade: '/subpackages/exam-admin/regrade',
  checkinAdmin: '/subpackages/checkin-admin/index',
  checkinBranch: '/subpackages/checkin-admin/branch',
  checkinChallenges: '/subpackages/checkin-admin/challenges',
  checkinChallenge: '/subpackages/checkin-admin/challenge',
  checkinSettings: '/subpackages/checkin-admin/settings',
  eventDetail: '/subpackages/event/detail',
  eventMine: '/subpackages/event/mine',
  eventAttendance: '/subpackages/event/attendance',
  eventAdmin: '/subpackages/event-admin/index',
  eventEditor: '/subpackages/event-admin/editor',
  eventManage: '/subpackages/event-admin/manage',
  eventRoster: '/subpackages/event-admin/roster',
  eventQr: '/subpackages/event-admin/qr',
  feedPost: '/subpackages/feed/post',
  feedSubmit: '/subpackages/feed/submit',
  feedMine: '/subpackages/feed/mine',
  feedModels: '/subpackages/feed/models',
  feedAdmin: '/subpackages/feed-admin/index',
  feedEditor: '/subpackages/feed-admin/editor',
  feedReview: '/subpackages/feed-admin/review',
  feedComments: '/subpackages/feed-admin/comments',
  feedModelsAdmin: '/subpackages/feed-admin/models',
  pointsMine: '/subpackages/points/mine',
  pointsRules: '/subpackages/points/rules',
  quizDaily: '/subpackages/quiz/daily',
  quizContest: '/subpackages/quiz/contest',
  quizBoard: '/subpackages/quiz/board',
  quizAdmin: '/subpackages/quiz-admin/index',
  quizAdminEditor: '/subpackages/quiz-admin/editor',
  quizAdminContest: '/subpackages/quiz-admin/contest',
  quizAdminFlags: '/subpackages/quiz-admin/flags',
  console: '/subpackages/console/index',
  consoleGaps: '/subpackages/console/gaps',
  consoleMember: '/subpackages/console/member',
  campaignAdmin: '/subpackages/campaign-admin/index',
  campaignEditor: '/subpackages/campaign-admin/editor',
  campaignDetail: '/subpackages/campaign-admin/detail',
  campaignReports: '/subpackages/campaign-admin/reports',
  campaignReport: '/subpackages/campaign-admin/report',
  campaignTasks: '/subpackages/campaign-admin/tasks',
  campaignTaskList: '/subpackages/campaign-admin/tasklist',
  campaignTaskItem: '/subpackages/campaign-admin/item',
  campaignPublicTasks: '/subpackages/campaign/tasks',
  campaignMine: '/subpackages/campaign/mine',
} as const;

export function goTab(tab: keyof typeof TAB): void {
  void Taro.switchTab({ url: TAB[tab] });
}

export function goPage(url: string): void {
  void Taro.navigateTo({ url });
}

/** Back to the previous page, or home when the page was opened directly (e.g. a shared link). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: TAB.home });
}
