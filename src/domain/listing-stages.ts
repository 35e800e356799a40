// 上市进程: the stages of an enterprise's way to a listing, in order. The registry keeps one record
// per stage reached, with its date (enterprise_listings); the targets count the stage 上市.

export const LISTING_STAGE_LABELS = {
  shareholding_reform: '股改',
  quoted: '挂牌',
  tutoring_filed: '辅导备案',
  application_accepted: '申报受理',
  listed: '上市',
} as const;
export type ListingStage = keyof typeof LISTING_STAGE_LABELS;
export const LISTING_STAGES = Object.keys(LISTING_STAGE_LABELS) as [ListingStage, ...ListingStage[]];
export const isListingStage = (code: string): code is ListingStage => Object.hasOwn(LISTING_STAGE_LABELS, code);

/** A later stage reached before an earlier one is possible (a firm listed abroad without 挂牌), so order is not enforced; dates are. */
export const LISTING_STAGE_ORDER: Record<ListingStage, number> = {
  shareholding_reform: 1,
  quoted: 2,
  tutoring_filed: 3,
  application_accepted: 4,
  listed: 5,
};
