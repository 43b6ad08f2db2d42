// The app's tab bar: icon over label, the label 16 px (20 px in 大字模式), each entry at least
// 44 px square. The current entry is red and bold, and marked for screen readers too.
import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSenior } from '@/hooks/useSenior';
import { currentTab, onTabChange, plainPath, TABS } from './tabs';
import './index.scss';

export interface TabBarProps {
  /** The page this bar is drawn on (H5); the mini-program's bars follow setCurrentTab instead. */
  page?: string;
}

export default function TabBar({ page }: TabBarProps) {
  const [senior] = useSenior();
  const [followed, setFollowed] = useState(currentTab);
  useEffect(() => {
    setFollowed(currentTab());
    return onTabChange(setFollowed);
  }, []);
  const selected = page ? plainPath(page) : followed;

  return (
    <View className={`app-tabbar${senior ? ' app-tabbar--senior' : ''}`} role='tablist'>
      {TABS.map((t) => {
        const on = t.path === selected;
        return (
          <View
            key={t.path}
            className={`app-tabbar__item${on ? ' app-tabbar__item--on' : ''}`}
            role='tab'
            aria-selected={on}
            onClick={() => {
              if (!on) void Taro.switchTab({ url: `/${t.path}` });
            }}
          >
            <Image className='app-tabbar__icon' src={on ? t.iconActive : t.icon} mode='aspectFit' />
            <Text className='app-tabbar__label'>{t.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
