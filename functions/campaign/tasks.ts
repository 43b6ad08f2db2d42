// The campaign function's tasks actions: Task lists (实事清单 / 问题清单 / 责任清单),
// core/contracts/campaignTasks.ts, docs/CAMPAIGNS.md "Task lists". Wired by ./index.ts; one module
// per action under ./actions, their shared rules in ./taskAccess.ts (who may), ./taskCounters.ts
// (the transactions that move the counters) and ./taskViews.ts (what is shown).
import { addTaskItem } from './actions/addTaskItem';
import { addTaskNote } from './actions/addTaskNote';
import { closeTaskItem } from './actions/closeTaskItem';
import { createTaskList } from './actions/createTaskList';
import { getTaskList } from './actions/getTaskList';
import { listTaskLists } from './actions/listTaskLists';
import { myTaskItems } from './actions/myTaskItems';
import { publicTaskList } from './actions/publicTaskList';
import { reopenTaskItem } from './actions/reopenTaskItem';
import { setPhotoPublic } from './actions/setPhotoPublic';
import { taskRollup } from './actions/taskRollup';
import { updateTaskItem } from './actions/updateTaskItem';
import { updateTaskList } from './actions/updateTaskList';

export const tasksHandlers = {
  createTaskList,
  updateTaskList,
  listTaskLists,
  getTaskList,
  addTaskItem,
  updateTaskItem,
  addTaskNote,
  closeTaskItem,
  reopenTaskItem,
  setPhotoPublic,
  taskRollup,
  publicTaskList,
  myTaskItems,
};
