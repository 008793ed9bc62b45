// Wording of drafts and the unsaved-changes prompt, shared by every form.
import { registerMessages } from '../../i18n/register-messages';

export const zhCN = {
  restored: '已恢复 {{time}} 未保存的草稿（草稿只保存在本机，保存后自动删除）。',
  discard: '放弃草稿',
  stale: '有一份 {{time}} 的未保存草稿，但这条记录此后已被修改。用草稿覆盖，还是放弃草稿？',
  applyStale: '用草稿覆盖',
  saveFailed: '草稿未能保存在本机（存储空间已满或被禁用）：请尽快保存，离开本页将丢失所填内容。',
  leaveTitle: '有未保存的修改',
  leaveBody: '以下内容尚未保存：{{forms}}。',
  leaveKept: '填写的内容已作为草稿保存在本机，回到该页面可继续填写。',
  leave: '离开（保留草稿）',
  leaveDiscard: '放弃修改并离开',
  stay: '留在本页',
};

export const en: typeof zhCN = {
  restored: 'Restored an unsaved draft from {{time}} (kept on this PC only, removed when saved).',
  discard: 'Discard draft',
  stale: 'There is an unsaved draft from {{time}}, but this record changed since. Apply the draft or discard it?',
  applyStale: 'Apply draft',
  saveFailed: 'The draft could not be kept on this PC (storage full or disabled): save soon; leaving loses what you typed.',
  leaveTitle: 'Unsaved changes',
  leaveBody: 'Not saved yet: {{forms}}.',
  leaveKept: 'What you typed is kept as a draft on this PC; come back to the page to continue.',
  leave: 'Leave (keep draft)',
  leaveDiscard: 'Discard changes and leave',
  stay: 'Stay on this page',
};

registerMessages('drafts', zhCN, en);
