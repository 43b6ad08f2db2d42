// The page's title bar in the H5 build. Taro 4's H5 router keeps its own navigation bar hidden
// (display: none unless navigationStyle is 'default', and then with a 24 px icon and no word), so
// without this a sub-page opened in a browser had neither a title nor a way back. The bar sits in
// the page's flow, at its top (never fixed over content, so it covers no button), and carries:
// - the page's title: its navigationBarTitleText, as Taro's H5 build lists it in the app config's
//   routes, then whatever the page sets with Taro.setNavigationBarTitle while it is showing;
// - 返回 (44 px tall at least, text scaled by 大字模式): back to the previous page, or to 首页 when
//   the page was opened directly (a link, a scanned code, a reload), as goBackOrHome does.
// Tab pages have no bar (PageShell does not draw it there), as in the mini-program.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { hasSession } from '@/api';
import { plainPath } from '@/custom-tab-bar/tabs';
import { goBackOrHome } from '@/utils/nav';
// Type only, so erased: in the H5 build './TitleBar' would resolve to this very file.
import type { TitleBarProps } from './TitleBar';
import './TitleBar.scss';

/** A route of Taro's H5 app config: the page's path and its page config (index.config.ts). */
interface H5Route {
  path?: string;
  navigationBarTitleText?: string;
}

/** Taro's H5 event for Taro.setNavigationBarTitle (@tarojs/router's setTitle). */
const SET_TITLE_EVENT = '__taroH5SetNavigationBarTitle';

/** The title the page's config gives, found by path among the routes Taro's H5 build registered. */
function configuredTitle(path: string): string {
  const routes = (window as unknown as { __taroAppConfig?: { routes?: H5Route[] } }).__taroAppConfig?.routes ?? [];
  const wanted = plainPath(path);
  const route = routes.find((r) => plainPath(r.path) === wanted);
  return route?.navigationBarTitleText ?? Taro.getCurrentInstance().page?.config?.navigationBarTitleText ?? '';
}

export default function TitleBar({ path, taroPath }: TitleBarProps) {
  const [title, setTitle] = useState(() => configuredTitle(path));
  // 返回 from a page opened directly goes to 首页; without a session 首页 would only send the
  // visitor back to the login page, so the button is left out there (the login page itself).
  const [canLeave] = useState(() => Taro.getCurrentPages().length > 1 || hasSession());

  useEffect(() => {
    const onTitle = (next: unknown) => {
      // The event reaches every page kept in the stack: only the one showing took the title.
      if (typeof next !== 'string' || Taro.getCurrentInstance().router?.$taroPath !== taroPath) return;
      setTitle(next);
    };
    Taro.eventCenter.on(SET_TITLE_EVENT, onTitle);
    return () => {
      Taro.eventCenter.off(SET_TITLE_EVENT, onTitle);
    };
  }, [taroPath]);

  return (
    <View className='title-bar' id='title-bar'>
      {canLeave ? (
        <View className='title-bar__back' id='title-bar-back' hoverClass='title-bar__back--pressed' onClick={goBackOrHome}>
          <Text className='title-bar__arrow'>‹</Text>
          <Text>返回</Text>
        </View>
      ) : (
        <View className='title-bar__side' />
      )}
      <Text className='title-bar__title' id='title-bar-title'>
        {title}
      </Text>
      <View className='title-bar__side' />
    </View>
  );
}
