// The mini-program's custom tab bar (app.config.ts: tabBar.custom): WeChat mounts this component
// under each tab page. H5 draws the same bar from PageShell.
import TabBar from './TabBar';

export default function CustomTabBar() {
  return <TabBar />;
}

// WeChat builds the bar as a custom component with its own style scope; its styles are compiled
// into the app's global stylesheet, so let them in (Taro passes `options` to the component).
CustomTabBar.options = { addGlobalClass: true };
