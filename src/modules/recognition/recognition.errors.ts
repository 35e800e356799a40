import { AppError } from '../../server/errors.js';

// The recognition module's error codes (认定管理), each with its Chinese message. Each part adds its own.

// ---- A: applications, enterprise side ----

/** The action is not one the actor may take on the application in its current status. */
export const actionNotAllowed = (message = '当前状态下不能执行此操作：申报状态可能已变化，请刷新后重试') =>
  new AppError('RECOGNITION_ACTION_NOT_ALLOWED', 409, message);

export const applicationExists = () =>
  new AppError('RECOGNITION_APPLICATION_EXISTS', 409, '本企业已在该批次中申报：每个批次只能提交一份申报，请在“我的申报”中继续填写');

export const roundClosed = (opensOn: string, closesOn: string) =>
  new AppError('RECOGNITION_ROUND_CLOSED', 409, `该批次的申报时间为 ${opensOn} 至 ${closesOn}，当前不在申报时间内`, { opensOn, closesOn });

export const banned = (until: string, categoryLabel: string) =>
  new AppError('RECOGNITION_BANNED', 400, `本企业因“${categoryLabel}”被撤销称号，${until} 前不得申报`, { until });

export const draftStale = () =>
  new AppError('RECOGNITION_DRAFT_STALE', 409, '申报书已在其他页面保存过：请刷新后在最新内容上继续填写', { field: 'formVersion' });

export const notEditable = (statusLabel: string) =>
  new AppError('RECOGNITION_NOT_EDITABLE', 409, `申报状态为“${statusLabel}”，不能再修改申报书`);

export const pledgeRequired = () =>
  new AppError('RECOGNITION_PLEDGE_REQUIRED', 400, '提交申报前须勾选并同意真实性声明和合规经营承诺', { field: 'pledge' });

export const notEligible = (reasons: string[]) =>
  new AppError('RECOGNITION_NOT_ELIGIBLE', 400, `不符合申报条件：${reasons.join('；')}`, { reasons });

export const pdfFontMissing = () =>
  new AppError('PDF_FONT_MISSING', 503, '服务器未安装中文字体，暂不能生成 PDF 申报书：请使用打印页面，或联系管理员安装 Noto Sans CJK 字体');

// ---- R: applications, review side ----

const ACTION_NAMES: Record<string, string> = {
  return: '退回企业',
  district_reject: '初审不通过',
  city_reject: '复审不通过',
  return_to_district: '退回区县',
};

/** A return, a rejection or a return to the district without its reason. */
export const reasonRequired = (action: string) =>
  new AppError('RECOGNITION_REASON_REQUIRED', 400, `${ACTION_NAMES[action] ?? '此操作'}须填写原因`, { field: 'reason' });

/** A batch with an application that may not take the action: nothing was changed. */
export const batchRefused = (actionLabel: string, refused: { id: string; enterpriseName: string | null; reason: string }[]) =>
  new AppError(
    'RECOGNITION_ACTION_NOT_ALLOWED',
    409,
    refused.length
      ? `有 ${refused.length.toLocaleString('zh-CN')} 份申报不能${actionLabel}（${refused
          .slice(0, 3)
          .map((r) => `${r.enterpriseName ?? '记录不存在或无权查看'}：${r.reason}`)
          .join('；')}${refused.length > 3 ? '等' : ''}），本次未做任何修改`
      : `申报状态已变化，本次未做任何修改：请刷新后重试`,
    { refused },
  );

// ---- B: rounds, 公示, 公告, titles, revocation ----

export const roundWindowInvalid = () =>
  new AppError('RECOGNITION_ROUND_WINDOW_INVALID', 400, '申报截止日期不能早于开始日期', { field: 'closesOn' });

export const cutoffOutsideWindow = (date: string) =>
  new AppError('RECOGNITION_CUTOFF_INVALID', 400, `截止批次日期 ${date} 不在申报时间内：应在开始日期和截止日期之间`, {
    field: 'cutoffDates',
  });

export const ruleSetInvalid = (ruleSet: string, tierLabel: string) =>
  new AppError('RECOGNITION_RULE_SET_INVALID', 400, `评价规则“${ruleSet}”不是${tierLabel}的评价规则`, { field: 'ruleSet' });

export const ruleSetOverrideReasonRequired = (chosenName: string, defaultName: string) =>
  new AppError('RECOGNITION_RULE_SET_REASON_REQUIRED', 400, `按申报日期和类型应适用“${defaultName}”；改用“${chosenName}”须填写调整理由`, {
    field: 'ruleSetOverrideReason',
  });

export const dateInFuture = (field: string, label: string, today: string) =>
  new AppError('RECOGNITION_DATE_IN_FUTURE', 400, `${label}不能晚于今天（${today}）`, { field });

export const publicityStarted = (startsOn: string, endsOn: string) =>
  new AppError('RECOGNITION_PUBLICITY_STARTED', 409, `本批次已于 ${startsOn} 开始公示（至 ${endsOn}），不能重复发起公示`, {
    startsOn,
    endsOn,
  });

export const publicityItemsRefused = (refused: { id: string; enterpriseName: string | null; reason: string }[]) =>
  new AppError(
    'RECOGNITION_ACTION_NOT_ALLOWED',
    409,
    `有 ${refused.length} 项申报不能进入公示：只有本批次中“复审通过”的申报可以公示。未公示任何申报`,
    { refused },
  );

export const publicityNotStarted = () =>
  new AppError('RECOGNITION_PUBLICITY_NOT_STARTED', 409, '本批次尚未公示：请先发起公示，公示期满后再公告');

export const publicityNotOver = (endsOn: string, earliest: string) =>
  new AppError('RECOGNITION_PUBLICITY_NOT_OVER', 409, `公示期至 ${endsOn} 结束，${earliest} 起才能公告认定结果`, {
    publicityEndsOn: endsOn,
    earliest,
  });

export const objectionOpen = (items: { applicationId: string; enterpriseName: string }[]) =>
  new AppError(
    'RECOGNITION_OBJECTION_OPEN',
    409,
    `${items.map((i) => `“${i.enterpriseName}”`).join('、')}的异议尚未核查完毕：请先登记核查结论（成立或不成立），再公告`,
    { items },
  );

export const roundAnnounced = (announcedOn: string) =>
  new AppError('RECOGNITION_ROUND_ANNOUNCED', 409, `本批次已于 ${announcedOn} 公告，不能重复公告`, { announcedOn });

export const titleClash = (names: string[]) =>
  new AppError('RECOGNITION_TITLE_EXISTS', 409, `${names.map((n) => `“${n}”`).join('、')}在公告日已有同层级称号，请核对公告日期`, {
    enterprises: names,
  });

export const notLittleGiantRound = () =>
  new AppError('RECOGNITION_NOT_LITTLE_GIANT_ROUND', 409, '推荐和结束批次只适用于专精特新“小巨人”企业批次（由工业和信息化部认定）');

export const littleGiantAnnounce = () =>
  new AppError(
    'RECOGNITION_LITTLE_GIANT_ANNOUNCE',
    409,
    '专精特新“小巨人”企业由工业和信息化部认定：请推荐后导入工业和信息化部公布的名单，再结束批次',
  );

export const nothingToRecommend = () => new AppError('RECOGNITION_NOTHING_TO_RECOMMEND', 409, '本批次没有“复审通过”的申报，无可推荐的企业');

export const roundRecommended = (on: string) =>
  new AppError('RECOGNITION_ROUND_RECOMMENDED', 409, `本批次已于 ${on} 推荐至工业和信息化部，不能重复推荐`, { recommendedOn: on });

export const notRecommended = () =>
  new AppError('RECOGNITION_NOT_RECOMMENDED', 409, '本批次尚未推荐至工业和信息化部：请先推荐，再结束批次');

export const roundClosedAlready = (on: string) => new AppError('RECOGNITION_ROUND_ENDED', 409, `本批次已于 ${on} 结束`, { closedOn: on });

export const dateBefore = (field: string, label: string, earliest: string, what: string) =>
  new AppError('RECOGNITION_DATE_TOO_EARLY', 400, `${label}不能早于${what}（${earliest}）`, { field });

export const titleAlreadyRevoked = (revokedOn: string | null) =>
  new AppError('TITLE_ALREADY_REVOKED', 409, `该称号已于 ${revokedOn ?? '此前'} 撤销，不能重复撤销`, { revokedOn });

// ---- C: expert scoring (专家评审), objections (异议) ----

export const expertReviewOff = () =>
  new AppError('RECOGNITION_EXPERT_REVIEW_OFF', 409, '本批次未设置专家评审：市级复审可直接进行，无需抽取专家');

export const nothingToDraw = () =>
  new AppError('RECOGNITION_NOTHING_TO_DRAW', 409, '本批次没有待抽取专家的申报：区县初审通过的申报才能抽取评审专家');

/** The expert's review of an application that is no longer in 专家评审. */
export const reviewClosed = (statusLabel: string) =>
  new AppError('RECOGNITION_REVIEW_CLOSED', 409, `申报状态为“${statusLabel}”，专家评审已结束，不能再修改评审意见`);

export const reviewSubmitted = () => new AppError('RECOGNITION_REVIEW_SUBMITTED', 409, '您已提交本项申报的评审意见，不能再修改');

/** The drawn expert declared a conflict of interest with the enterprise after the draw. */
export const reviewConflict = () =>
  new AppError(
    'RECOGNITION_REVIEW_CONFLICT',
    409,
    '您已申报与该企业存在利益冲突，不能评审本项申报：市经信委重新抽取专家后，本项将由其他专家评审',
  );

export const reviewQuestionUnknown = (ids: string[]) =>
  new AppError('RECOGNITION_REVIEW_QUESTION_UNKNOWN', 400, '所答问题不是本项申报需要专家审核的问题：请刷新页面后重新作答', {
    field: 'answers',
    ids,
  });

export const reviewIncomplete = (questions: string[]) =>
  new AppError('RECOGNITION_REVIEW_INCOMPLETE', 400, `提交前须回答全部审核问题，尚未回答：${questions.join('；')}`, {
    field: 'answers',
    questions,
  });

export const featuredNotApplicable = (ruleSetName: string) =>
  new AppError('RECOGNITION_FEATURED_NOT_APPLICABLE', 400, `“${ruleSetName}”没有特色化指标，不能填写特色化指标评分`, {
    field: 'featuredScore',
  });

export const featuredRequired = () =>
  new AppError('RECOGNITION_FEATURED_REQUIRED', 400, '提交前须填写特色化指标评分（0～15 分）', { field: 'featuredScore' });

export const opinionRequired = () => new AppError('RECOGNITION_OPINION_REQUIRED', 400, '提交前须填写评审意见', { field: 'opinion' });

export const notInPublicity = (statusLabel: string) =>
  new AppError('RECOGNITION_NOT_IN_PUBLICITY', 409, `申报状态为“${statusLabel}”，不在公示期内：只能对公示中的申报登记异议`);

export const objectionFound = (statusLabel: string) =>
  new AppError('RECOGNITION_OBJECTION_FOUND', 409, `该异议已登记核查结论（${statusLabel}），不能重复登记`);

export const objectionDateInvalid = (message: string) =>
  new AppError('RECOGNITION_OBJECTION_DATE_INVALID', 400, `收到异议日期${message}`, { field: 'receivedOn' });

// ---- D: annual update, 有进有出, title story ----

/** Only holders of a valid title (or one under 复核) update their yearly figures. */
export const notTitleHolder = () =>
  new AppError(
    'ANNUAL_UPDATE_NOT_HOLDER',
    403,
    '本企业目前没有有效的梯度培育称号（创新型中小企业、专精特新中小企业或专精特新“小巨人”企业），无需填报年度信息更新；企业信息可在“企业信息”页面维护',
  );

export const annualUpdateYearInvalid = (from: number, to: number) =>
  new AppError('ANNUAL_UPDATE_YEAR_INVALID', 400, `年度信息更新只能填报 ${from} 至 ${to} 年度的数据`, { field: 'dataYear', from, to });

/** The deadline of data year Y lies in Y+1 (the year it is updated in). */
export const annualDeadlineInvalid = (dataYear: number) =>
  new AppError('ANNUAL_UPDATE_DEADLINE_INVALID', 400, `${dataYear} 年度信息的更新截止日期应在 ${dataYear + 1} 年内`, { field: 'dueOn' });

export const annualFiguresRequired = (labels: string[], fields: string[]) =>
  new AppError('ANNUAL_UPDATE_FIGURES_REQUIRED', 400, `年度信息更新须填写${labels.join('、')}`, { field: `figures.${fields[0]}`, fields });
