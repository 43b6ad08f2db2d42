// The knowledge contests' card in the 答题 tab (知识竞赛): the contests of the member's audience that
// are open, about to open or recently ended, each with its window, the member's standing in words
// and one big button (参加 / 继续答题 / 看排行). Also the 我的 switch that decides whether contest
// boards show the member's name (off until they turn it on).
import { Text, View } from '@tarojs/components';
import type { ContestCard } from '@core/contracts';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import { Button, Switch } from '@/components/nut';
import { useAction, useMutation } from '@/hooks';
import { PHASE_LABELS, standingText, startLabel, windowText } from '@/utils/contest-format';
import { goPage, PAGE } from '@/utils/nav';
import './ContestsSection.scss';

function ContestRow({ c }: { c: ContestCard }) {
  const open = c.phase === 'open';
  return (
    <View className='contest-row' id={`contest-${c.contestId}`}>
      <View className='contest-row__head'>
        <Text className={open ? 'tag tag--red' : 'tag'}>{PHASE_LABELS[c.phase]}</Text>
        <Text className='contest-row__title'>{c.title}</Text>
      </View>
      <Text className='contest-row__line'>{windowText(c.opensAt, c.closesAt)}</Text>
      <Text className='contest-row__line'>{c.rules.secondsPerQuestion === null ? `每局 ${c.rules.questionsPerRound} 题，不限时` : `每局 ${c.rules.questionsPerRound} 题，每题 ${c.rules.secondsPerQuestion} 秒`}</Text>
      <Text className='contest-row__standing'>{standingText(c)}</Text>
      <View className='contest-row__actions'>
        {open ? (
          <Button id={`contest-go-${c.contestId}`} className='contest-row__btn' type='primary' size='large' onClick={() => goPage(`${PAGE.quizContest}?id=${c.contestId}`)}>
            {startLabel(c)}
          </Button>
        ) : null}
        <Button id={`contest-board-${c.contestId}`} className='contest-row__btn' fill='outline' size='large' onClick={() => goPage(`${PAGE.quizBoard}?id=${c.contestId}`)}>
          看排行
        </Button>
      </View>
    </View>
  );
}

/** The member's contests, for the 答题 tab; `refreshKey` reloads them when the tab shows again. */
export default function ContestsSection({ refreshKey }: { refreshKey: number }) {
  const contests = useAction('quiz', 'listContests', {}, [refreshKey]);
  return (
    <Card title='知识竞赛' id='contests-card'>
      <Loaded state={contests} bare>
        {(list) =>
          list.length === 0 ? (
            <Text className='contest-row__line' id='contests-none'>
              目前没有面向您的知识竞赛，支部组织竞赛后会显示在这里。
            </Text>
          ) : (
            <>
              {list.map((c) => (
                <ContestRow key={c.contestId} c={c} />
              ))}
            </>
          )
        }
      </Loaded>
    </Card>
  );
}

/** 我的 → 竞赛排名: whether contest boards show the member's name; their own place they always see. */
export function ContestRankSwitch() {
  const setting = useAction('quiz', 'getContestRankSetting', {}, []);
  const save = useMutation('quiz', 'setContestRankSetting');
  const shown = setting.data?.showRank === true;
  const flip = async (v: boolean) => {
    if (await save.run({ showRank: v })) setting.reload();
  };
  return (
    <Card title='竞赛排名'>
      <View className='row-link contest-rank'>
        <View className='contest-rank__text'>
          <Text className='contest-rank__title'>在排行榜上显示我的姓名</Text>
          <Text className='contest-rank__desc' id='rank-switch-state'>
            {shown ? '已公开：排行榜上显示您的姓名和支部' : '未公开：排行榜上显示为“党员（未公开）”，您自己仍能看到名次'}
          </Text>
          {save.error ? <Text className='contest-rank__desc'>没有保存成功：{save.error.message}</Text> : null}
        </View>
        <Switch id='rank-switch' checked={shown} disabled={setting.data === undefined || save.running} onChange={(v: boolean) => void flip(v)} />
      </View>
    </Card>
  );
}
