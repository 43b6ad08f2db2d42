// Old path of the 首页 tab, kept because shared links and mini-program codes made before the
// rename hold it.
import Redirect from '@/components/Redirect';

export default function HomeAlias() {
  return <Redirect from='pages/index/index' />;
}
