// The page's title bar, mini-program edition: nothing. WeChat draws its own navigation bar there,
// with the page's navigationBarTitleText and a back button. Taro's build picks TitleBar.h5.tsx
// for H5 (its multi-platform file resolution) and this file everywhere else, so neither the H5
// bar's code nor its styles reach the mini-program's main package.

export interface TitleBarProps {
  /** The page's path as the router gives it (query included). */
  path: string;
  /** Taro's id of this page instance (H5), so a title set on one page never lands on another. */
  taroPath?: string;
}

export default function TitleBar(_props: TitleBarProps): null {
  return null;
}
