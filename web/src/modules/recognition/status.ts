import { RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../../../src/domain/recognition/lifecycle';
import { optionsOf } from '../../shared/labels';

/** Tag colours of the application statuses (lists, the review page): colour presets, whose text the theme darkens to 4.5:1 (the status presets stay below it). */
export const STATUS_TAG_COLORS: Record<RecognitionStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  district_approved: 'cyan',
  district_rejected: 'red',
  expert_review: 'purple',
  city_approved: 'geekblue',
  city_rejected: 'red',
  in_publicity: 'gold',
  recognised: 'green',
  not_recognised: 'default',
  withdrawn: 'default',
};

export const statusLabel = (s: string) => RECOGNITION_STATUS_LABELS[s as RecognitionStatus] ?? '未知状态';

/** Statuses an officer filters by (drafts are the enterprise's own and never listed for officers). */
export const OFFICER_STATUS_OPTIONS = optionsOf(RECOGNITION_STATUS_LABELS).filter((o) => o.value !== 'draft');

export const OBJECTION_LABELS: Record<string, string> = { open: '异议待核查', upheld: '异议成立', dismissed: '异议不成立' };
export const OBJECTION_COLORS: Record<string, string> = { open: 'red', upheld: 'volcano', dismissed: 'default' };
