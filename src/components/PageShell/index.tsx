// PageShell: the root of every page. It applies 大字模式 (a CSS variable that scales all fonts),
// the NutUI theme variables, and in H5 sends a visitor without a session to the login page. It
// also holds what the app draws over a page: the host of askConfirm's dialog, and the tab bar —
// in H5 drawn here on tab pages, in the mini-program told which tab is showing. In H5 every other
// page opens with a title bar and 返回 (TitleBar.h5.tsx; the mini-program's file draws nothing,
// WeChat's own bar is there).
import { useEffect, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { hasSession, LOGIN_PAGE } from '@/api';
import { useSenior } from '@/hooks/useSenior';
import { ConfirmHost } from '@/components/Dialog/confirm';
import TabBar from '@/custom-tab-bar/TabBar';
import { isTabPage, setCurrentTab } from '@/custom-tab-bar/tabs';
import TitleBar from './TitleBar';
import './index.scss';

export interface PageShellProps {
  children: ReactNode;
  className?: string;
  /** H5: pages other than the login page need a session. */
  requireSession?: boolean;
}

const IS_H5 = process.env.TARO_ENV === 'h5';

export default function PageShell({ children, className, requireSession = true }: PageShellProps) {
  const [senior] = useSenior();
  const router = useRouter();
  const path = router.path;
  const tab = isTabPage(path);

  useEffect(() => {
    if (IS_H5 && requireSession && !hasSession()) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
    }
  }, [requireSession]);

  useDidShow(() => {
    if (tab) setCurrentTab(path);
  });

  // Written out (not IS_H5) so the mini-program build folds it to false and drops the bar.
  const titled = process.env.TARO_ENV === 'h5' && !tab;
  const classes = ['shell', senior ? 'shell--senior' : '', tab ? 'shell--tab' : '', titled ? 'shell--titled' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      {titled ? <TitleBar path={path} taroPath={router.$taroPath} /> : null}
      {children}
      <ConfirmHost page={path} />
      {IS_H5 && tab ? <TabBar page={path} /> : null}
    </View>
  );
}
