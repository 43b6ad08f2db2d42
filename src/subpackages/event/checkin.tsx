// Old path of 活动签到, kept because on-site codes made before the rename hold it.
import Redirect from '@/components/Redirect';

export default function EventCheckinAlias() {
  return <Redirect from='subpackages/event/checkin' />;
}
