// The page left at a renamed path: forwards at once to the page that serves it now, with the same
// query, replacing itself in the page stack (so 返回 does not come back here). See
// utils/page-aliases.ts for the list and why it is kept.
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import { LoadingView } from '@/components/StateView';
import { aliasUrl, PAGE_ALIASES, type AliasedPath } from '@/utils/page-aliases';

export default function Redirect({ from }: { from: AliasedPath }) {
  const router = useRouter();
  useEffect(() => {
    const url = aliasUrl(from, router.params);
    if (PAGE_ALIASES[from].tab) void Taro.switchTab({ url });
    else void Taro.redirectTo({ url });
    // Runs once: the page exists only to leave.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Not the shared Loaded: nothing is loaded here, the page only shows this while it leaves.
  return (
    <PageShell>
      <LoadingView text='正在打开…' />
    </PageShell>
  );
}
