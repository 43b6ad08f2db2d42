// For the members a reminder cannot reach: copy the nudge for the group chat, or forward a share
// card to it. On WeChat the second button is a real share (the card opens the given page); the
// browser build cannot share, so there it copies the text too and says to paste it.
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/nut';
import { copyText, IS_H5 } from '@/api';

interface Props {
  /** Element ids are `${id}-copy` and `${id}-share`. */
  id: string;
  text: string;
  /** The share card's title (WeChat shows about 20 characters). */
  shareTitle: string;
  /** The page the card opens, from the root: '/pages/study/index'. */
  sharePath: string;
}

export default function NudgeShare({ id, text, shareTitle, sharePath }: Props) {
  // The page's own "转发" menu sends the same card (the page config enables sharing).
  useShareAppMessage(() => ({ title: shareTitle, path: sharePath }));

  const copy = async (toast: string) => {
    try {
      await copyText(text);
      void Taro.showToast({ title: toast, icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };

  if (text === '') return null;
  return (
    <View className='admin-actions btn-gap'>
      <Button id={`${id}-copy`} className='admin-actions__btn' fill='outline' onClick={() => void copy('提醒文字已复制，可粘贴到群里')}>
        复制提醒文字
      </Button>
      {IS_H5 ? (
        <Button id={`${id}-share`} className='admin-actions__btn' fill='outline' onClick={() => void copy('已复制，请粘贴到微信群里')}>
          转发到群里
        </Button>
      ) : (
        <Button id={`${id}-share`} className='admin-actions__btn' fill='outline' openType='share'>
          转发到群里
        </Button>
      )}
    </View>
  );
}
