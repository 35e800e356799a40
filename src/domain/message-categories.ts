/** What a message is about, with the name people read (filter of 消息中心). Add new categories here. */
export const MESSAGE_CATEGORY_LABELS = {
  expert_visit: '专家服务',
  system: '系统通知',
  calendar: '工作日历',
  reminder: '报送提醒',
  job: '任务完成',
  recognition: '认定管理',
  monitoring: '运行监测',
  bulletin: '定期通报',
} as const;
export type MessageCategory = keyof typeof MESSAGE_CATEGORY_LABELS;
export const MESSAGE_CATEGORIES = Object.keys(MESSAGE_CATEGORY_LABELS) as [MessageCategory, ...MessageCategory[]];
export const isMessageCategory = (code: string): code is MessageCategory => Object.hasOwn(MESSAGE_CATEGORY_LABELS, code);
/** A category's name; a code from an older release shows as 其他, never as the code. */
export const messageCategoryLabel = (code: string): string => (isMessageCategory(code) ? MESSAGE_CATEGORY_LABELS[code] : '其他');
