// The campaign function's tasks actions: Task lists (实事清单 / 问题清单 / 责任清单), core/contracts/campaignTasks.ts. Wired by ./index.ts.
// SKELETON: each action is replaced by its module under ./actions as it is built.
import { AppError } from '../lib/errors';

const notYet = async (): Promise<never> => {
  throw new AppError('FAILED_PRECONDITION', '此功能正在建设中');
};

export const tasksHandlers = {
  createTaskList: notYet,
  updateTaskList: notYet,
  listTaskLists: notYet,
  getTaskList: notYet,
  addTaskItem: notYet,
  updateTaskItem: notYet,
  addTaskNote: notYet,
  closeTaskItem: notYet,
  reopenTaskItem: notYet,
  setPhotoPublic: notYet,
  taskRollup: notYet,
  publicTaskList: notYet,
};
