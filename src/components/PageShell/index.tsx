// PageShell: the root of every page. It applies 大字模式 (a CSS variable that scales all fonts),
// the NutUI theme variables, and in H5 sends a visitor without a session to the login page.
import { useEffect, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { hasSession, LOGIN_PAGE } from '@/api';
import { useSenior } from '@/hooks/useSenior';
import './index.scss';

export interface PageShellProps {
  children: ReactNode;
  className?: string;
  /** H5: pages other than the login page need a session. */
  requireSession?: boolean;
}

export default function PageShell({ children, className, requireSession = true }: PageShellProps) {
  const [senior] = useSenior();

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5' && requireSession && !hasSession()) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
    }
  }, [requireSession]);

  const classes = ['shell', senior ? 'shell--senior' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
