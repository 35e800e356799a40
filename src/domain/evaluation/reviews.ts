// The questions of the rule sets that a person decides (criteria.md: indicators that need a
// person come out needs_review with the question). One list: the rule sets ask them, officers
// answer them on the enterprise's page, the answers are kept with the enterprise's facts.

export const REVIEW_QUESTIONS = {
  'srdi2026.market': {
    name: '细分市场地位',
    question: '主导产品在国内或国际细分市场占有率是否较高、具有一定知名度？',
  },
  'lg2026.field': {
    name: '所属领域与产业链地位',
    question: '主导产品是否属于核心基础零部件、关键软件、先进基础工艺、关键基础材料等领域，或位于重点产业链关键环节？',
  },
  'lg2022.infoSystem': {
    name: '至少 1 项核心业务采用信息系统支撑',
    question: '企业是否至少有 1 项核心业务（研发设计、生产制造、供应链管理等）采用信息系统支撑？',
  },
  'lg2022.chainRole': {
    name: '产业链配套',
    question: '企业是否位于产业链关键环节，围绕重点产业链实现关键基础技术和产品的产业化应用，发挥“补短板”“锻长板”“填空白”等作用？',
  },
  'lg2022.productField': {
    name: '主导产品所属领域',
    question: '主导产品是否属于“六基”领域、制造强国十大重点产业领域或网络强国建设的重点领域？',
  },
  'lg2018.infoSystem': {
    name: '至少 1 项核心业务采用信息系统支撑',
    question: '企业是否至少有 1 项核心业务采用信息系统支撑？',
  },
} as const;

export type ReviewQuestionId = keyof typeof REVIEW_QUESTIONS;
export const REVIEW_QUESTION_IDS = Object.keys(REVIEW_QUESTIONS) as [ReviewQuestionId, ...ReviewQuestionId[]];

export const isReviewQuestion = (id: string): id is ReviewQuestionId => id in REVIEW_QUESTIONS;
