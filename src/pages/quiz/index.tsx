// Old path of the 答题 tab, kept because links made before the rename hold it.
import Redirect from '@/components/Redirect';

export default function AnswerAlias() {
  return <Redirect from='pages/quiz/index' />;
}
