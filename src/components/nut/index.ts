// The NutUI components the app uses, each with only its own stylesheet (the full dist/style.css
// would add ~230 KB to a page). Theme colours come from CSS variables set in PageShell.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch';
