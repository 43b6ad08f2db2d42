// Pages, tab bar and subpackages. Only the tab pages, the two entry pages (bind, login) and the
// forwarding pages of old paths sit in the main package; tab folders are named by the tab's
// label (home, study, answer, activity, mine), never by a context; organiser pages live in
// subpackages (architecture rule 12).

// `cloud: true` switches on WeChat cloud development in app.json; Taro's AppConfig type lacks it,
// hence the widened type.
const config: Taro.AppConfig & { cloud: boolean } = {
  pages: [
    'pages/home/index',
    'pages/study/index',
    'pages/answer/index',
    'pages/activity/index',
    'pages/mine/index',
    'pages/bind/index',
    'pages/login/index',
    // Old paths, forwarding to their new pages (utils/page-aliases.ts).
    'pages/index/index',
    'pages/quiz/index',
  ],
  subPackages: [
    {
      root: 'subpackages/org-admin',
      pages: ['index', 'units', 'units-import', 'invite', 'organisers', 'roster', 'import', 'requests'],
    },
    {
      root: 'subpackages/exam',
      pages: ['intro', 'take', 'result', 'review'],
    },
    {
      root: 'subpackages/exam-admin',
      pages: ['index', 'bank', 'question', 'history', 'import', 'reports', 'editor', 'monitor', 'stats', 'regrade'],
    },
    {
      root: 'subpackages/event',
      pages: ['detail', 'mine', 'attendance', 'checkin'],
    },
    {
      root: 'subpackages/event-admin',
      pages: ['index', 'editor', 'manage', 'roster', 'qr'],
    },
    {
      root: 'subpackages/checkin-admin',
      pages: ['index', 'branch', 'challenges', 'challenge', 'settings'],
    },
    {
      root: 'subpackages/feed',
      pages: ['post', 'submit', 'mine', 'models'],
    },
    {
      root: 'subpackages/feed-admin',
      pages: ['index', 'editor', 'review', 'comments', 'models'],
    },
    {
      root: 'subpackages/points',
      pages: ['mine', 'rules'],
    },
    {
      root: 'subpackages/quiz',
      pages: ['daily', 'contest', 'board'],
    },
    {
      root: 'subpackages/quiz-admin',
      pages: ['index', 'editor', 'contest', 'flags'],
    },
    {
      root: 'subpackages/campaign-admin',
      pages: ['index', 'editor', 'detail', 'reports', 'report', 'tasks', 'tasklist', 'item'],
    },
    {
      // The public view of a task list (办实事清单), opened from a shared card by anyone, bound or not;
      // 我负责的实事 (mine), a member's own items, from 我的.
      root: 'subpackages/campaign',
      pages: ['tasks', 'mine'],
    },
    {
      root: 'subpackages/console',
      // 图表样例 (charts/preview): fixed sample data for checking the charts, in the H5 build only.
      pages: ['index', 'gaps', 'member', ...(process.env.TARO_ENV === 'h5' ? ['charts/preview'] : [])],
    },
  ],
  window: {
    navigationBarTitleText: '党员学习',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F2EE',
    backgroundTextStyle: 'dark',
  },
  // custom: the app draws its own bar (src/custom-tab-bar) so that its labels scale with 大字模式;
  // WeChat still needs the full list to know the tab pages (and falls back to it on old clients).
  tabBar: {
    custom: true,
    color: '#595959',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/study/index', text: '学习', iconPath: 'assets/tab/study.png', selectedIconPath: 'assets/tab/study-active.png' },
      { pagePath: 'pages/answer/index', text: '答题', iconPath: 'assets/tab/quiz.png', selectedIconPath: 'assets/tab/quiz-active.png' },
      { pagePath: 'pages/activity/index', text: '活动', iconPath: 'assets/tab/activity.png', selectedIconPath: 'assets/tab/activity-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // Subpackage preloading: on entering a tab, WeChat fetches the subpackages its members' links
  // lead to, so the first 每日答题, exam, event or post opens without a download wait. Organiser
  // subpackages (*-admin, console) are left out: most who open a tab are members, whose data
  // plan should not pay for pages they never see. WeChat's rule: the pages of one package share
  // one 2 MB preload quota (all tabs are in the main package, so these lists together, each
  // counted per page); `npm run build:weapp` measures it (scripts/lib/preload.ts) and
  // test/unit/preload-rule.test.ts holds the lists to real roots. 学习 links to no subpackage.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['subpackages/quiz', 'subpackages/exam', 'subpackages/event', 'subpackages/feed'] },
    'pages/answer/index': { network: 'all', packages: ['subpackages/quiz', 'subpackages/exam'] },
    'pages/activity/index': { network: 'all', packages: ['subpackages/event'] },
    'pages/mine/index': { network: 'all', packages: ['subpackages/points', 'subpackages/campaign'] },
  },
  // H5 only: no sliding page transition. Taro's H5 router shades the page it leaves when the slide
  // ends (a timer of the animation's length); a back tap inside that time (a fast answer, a double
  // tap) showed the earlier page and then the timer shaded it: a blank screen. Without the
  // animation the timer runs at once. The mini-program keeps WeChat's own transition.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // Load only the components a page uses (smaller start-up work in the mini-program).
  lazyCodeLoading: 'requiredComponents',
  cloud: true,
};

export default defineAppConfig(config);
