// The tab bar's entries and which one is current. The bar is the app's own (app.config.ts sets
// tabBar.custom) because WeChat's native bar has a fixed 10 px label that 大字模式 cannot reach.
// In the mini-program WeChat mounts one bar per tab page (custom-tab-bar/index.tsx) and PageShell
// says which tab is showing; in H5, where Taro draws no custom bar, PageShell draws it itself.

export interface TabEntry {
  path: string;
  text: string;
  icon: string;
  iconActive: string;
}

// Icons are imported so both builds copy them next to the code that shows them.
import home from '../assets/tab/home.png';
import homeActive from '../assets/tab/home-active.png';
import study from '../assets/tab/study.png';
import studyActive from '../assets/tab/study-active.png';
import quiz from '../assets/tab/quiz.png';
import quizActive from '../assets/tab/quiz-active.png';
import activity from '../assets/tab/activity.png';
import activityActive from '../assets/tab/activity-active.png';
import mine from '../assets/tab/mine.png';
import mineActive from '../assets/tab/mine-active.png';

export const TABS: TabEntry[] = [
  { path: 'pages/home/index', text: '首页', icon: home, iconActive: homeActive },
  { path: 'pages/study/index', text: '学习', icon: study, iconActive: studyActive },
  { path: 'pages/answer/index', text: '答题', icon: quiz, iconActive: quizActive },
  { path: 'pages/activity/index', text: '活动', icon: activity, iconActive: activityActive },
  { path: 'pages/mine/index', text: '我的', icon: mine, iconActive: mineActive },
];

/** A page path as the router gives it ('/pages/home/index?x=1', 'pages/home/index.html') made plain. */
export function plainPath(path: string | undefined): string {
  return (path ?? '').split('?')[0].replace(/^\/+/, '').replace(/\.html$/, '');
}

export function isTabPage(path: string | undefined): boolean {
  const p = plainPath(path);
  return TABS.some((t) => t.path === p);
}

type Listener = (path: string) => void;
const listeners = new Set<Listener>();
let current = TABS[0].path;

export function currentTab(): string {
  return current;
}

/** Called when a tab page shows, so every mounted bar marks it. */
export function setCurrentTab(path: string | undefined): void {
  const p = plainPath(path);
  if (!isTabPage(p) || p === current) return;
  current = p;
  listeners.forEach((l) => l(p));
}

export function onTabChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
