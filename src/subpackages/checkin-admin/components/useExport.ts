// 导出Excel: ask the function for the xlsx (a day's roster of every managed branch, or one), then
// open it: a preview with share/save on WeChat, a download in the browser.
import Taro from '@tarojs/taro';
import type { CheckinRequests } from '@core/contracts';
import { openFile } from '@/api';
import { useMutation } from '@/hooks';

export function useExport(): { run: (input: CheckinRequests['exportCompletion']) => Promise<void>; running: boolean; error: string | null } {
  const exporter = useMutation('checkin', 'exportCompletion');
  const run = async (input: CheckinRequests['exportCompletion']) => {
    const file = await exporter.run(input);
    if (!file) return;
    try {
      await openFile(file.url, file.fileName);
      void Taro.showToast({ title: '打卡表已生成', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '打卡表没有打开，请重试', icon: 'none' });
    }
  };
  return { run, running: exporter.running, error: exporter.error?.message ?? null };
}
