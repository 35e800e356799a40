import { type RoutePlugin, sendXlsx } from '../../server/http.js';
import { errorBody } from '../../server/validation.js';
import { actOnApplication } from './act-on-application.js';
import { announceRound } from './announce-round.js';
import { batchReviewApplications } from './batch-review-applications.js';
import { closeRound } from './close-round.js';
import { createApplication } from './create-application.js';
import { createRound } from './create-round.js';
import { drawExperts } from './draw-experts.js';
import { roundListWorkbook } from './export-round-list.js';
import { exportTitleFlows } from './export-title-flows.js';
import { findRuleSet } from './find-rule-set.js';
import { getAnnualUpdateDeadline } from './get-annual-update-deadline.js';
import { getApplication } from './get-application.js';
import { getApplicationCurrent } from './get-application-current.js';
import { getMyAnnualUpdate } from './get-my-annual-update.js';
import { getMyReview } from './get-my-review.js';
import { getPublicityList } from './get-publicity-list.js';
import { getRecommendedList } from './get-recommended-list.js';
import { getRound } from './get-round.js';
import { getTitleFlows } from './get-title-flows.js';
import { getTitleStory } from './get-title-story.js';
import { listAnnualUpdates } from './list-annual-updates.js';
import { listApplicationReviews } from './list-application-reviews.js';
import { listApplications } from './list-applications.js';
import { listMyReviews } from './list-my-reviews.js';
import { listObjections } from './list-objections.js';
import { listRounds } from './list-rounds.js';
import {
  actionBody,
  announceBody,
  announceResult,
  annualDeadline,
  annualUpdateBody,
  annualUpdateList,
  annualUpdateListQuery,
  annualUpdateResult,
  applicationDetail,
  applicationListQuery,
  applicationPage,
  applicationReviews,
  batchActionBody,
  batchActionResult,
  checklistBody,
  closeRoundBody,
  closeRoundResult,
  createApplicationBody,
  createRoundBody,
  dataYearParams,
  deadlineBody,
  drawExpertsBody,
  drawExpertsResult,
  findingBody,
  flowsQuery,
  flowsResult,
  idParams,
  myAnnualUpdate,
  myReview,
  myReviewList,
  myReviewsQuery,
  objection,
  objectionBody,
  objectionList,
  objectionListQuery,
  publicityBody,
  publicityList,
  publicityResult,
  recommendBody,
  recommendResult,
  registrySnapshot,
  reviewBody,
  reviewResult,
  revokeBody,
  revokedTitle,
  revokeParams,
  round,
  roundDetail,
  roundList,
  roundListQuery,
  ruleSetAnswer,
  ruleSetQuery,
  saveDraftBody,
  saveDraftResult,
  titleStory,
} from './recognition.schemas.js';
import { recommendRound } from './recommend-round.js';
import { recordObjection } from './record-objection.js';
import { recordObjectionFinding } from './record-objection-finding.js';
import { renderApplicationPdf } from './render-application-pdf.js';
import { revokeTitle } from './revoke-title.js';
import { saveApplicationDraft } from './save-application-draft.js';
import { saveExpertReview } from './save-expert-review.js';
import { setAnnualUpdateDeadline } from './set-annual-update-deadline.js';
import { startPublicity } from './start-publicity.js';
import { submitAnnualUpdate } from './submit-annual-update.js';
import { updateApplicationChecklist } from './update-application-checklist.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['认定管理'];

// All routes of the recognition module (认定管理). Each part adds its routes under its own comment.
export const recognitionRoutes: RoutePlugin = async (app, { ctx }) => {
  // ---- A: applications, enterprise side ----

  app.get(
    '/api/recognition/applications/:id',
    {
      schema: {
        tags,
        summary: '申报详情（含审核记录和当前可执行的操作）',
        params: idParams,
        response: { 200: applicationDetail, ...errors },
      },
    },
    (request) => getApplication(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/recognition/applications',
    {
      schema: {
        tags,
        summary: '企业在申报批次中创建申报（草稿，按企业库信息预填）',
        body: createApplicationBody,
        response: { 201: applicationDetail, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createApplication(ctx, request.actor, request.body)),
  );

  app.put(
    '/api/recognition/applications/:id/draft',
    {
      schema: {
        tags,
        summary: '自动保存申报书草稿（按版本号防止覆盖其他页面的保存），并返回按批次评价规则的实时自评结果',
        params: idParams,
        body: saveDraftBody,
        response: { 200: saveDraftResult, ...errors },
      },
    },
    (request) => saveApplicationDraft(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/recognition/applications/:id/actions',
    {
      schema: {
        tags,
        summary: '申报操作：企业提交、撤回；区县初审通过、不通过、退回企业；市级复审通过、不通过、退回区县',
        params: idParams,
        body: actionBody,
        response: { 200: applicationDetail, ...errors },
      },
    },
    (request) => actOnApplication(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/recognition/applications/:id/current',
    {
      schema: {
        tags,
        summary: '企业库中该企业的当前信息（与提交时冻结的信息对照；区县、市经信委）',
        params: idParams,
        response: { 200: registrySnapshot, ...errors },
      },
    },
    (request) => getApplicationCurrent(ctx, request.actor, request.params.id),
  );

  app.get(
    '/api/recognition/applications/:id/pdf',
    { schema: { tags, summary: '申报书 PDF（提交时冻结的信息、自评得分和佐证材料清单）', params: idParams } },
    async (request, reply) => {
      const { fileName, body } = await renderApplicationPdf(ctx, request.actor, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(body);
    },
  );

  // ---- R: applications, review side ----

  app.get(
    '/api/recognition/applications',
    {
      schema: {
        tags,
        summary:
          '申报列表（市经信委全部；区县本区县；企业本企业；专家分配给本人的），可按批次、状态、层级、分数段、行业、区县、初审逾期筛选',
        querystring: applicationListQuery,
        response: { 200: applicationPage, ...errors },
      },
    },
    (request) => listApplications(ctx, request.actor, request.query),
  );

  app.post(
    '/api/recognition/applications/batch-actions',
    {
      schema: {
        tags,
        summary: '批量审核（初审通过或复审通过）：全部可以执行才执行，否则一份也不改并列出不能执行的申报',
        body: batchActionBody,
        response: { 200: batchActionResult, ...errors },
      },
    },
    (request) => batchReviewApplications(ctx, request.actor, request.body),
  );

  app.put(
    '/api/recognition/applications/:id/checklist',
    {
      schema: {
        tags,
        summary: '初审核查（信用中国、经营异常名录、严重失信主体名单、实地抽查）',
        params: idParams,
        body: checklistBody,
        response: { 200: applicationDetail, ...errors },
      },
    },
    (request) => updateApplicationChecklist(ctx, request.actor, request.params.id, request.body),
  );

  // ---- B: rounds, 公示, 公告, titles, revocation ----

  app.get(
    '/api/recognition/rule-set',
    {
      schema: {
        tags,
        summary: '申报批次适用的评价规则（按层级、申报类型和开始日期；新建批次前显示）',
        querystring: ruleSetQuery,
        response: { 200: ruleSetAnswer, ...errors },
      },
    },
    (request) => findRuleSet(request.actor, request.query),
  );

  app.post(
    '/api/recognition/rounds',
    { schema: { tags, summary: '新建申报批次（市经信委）', body: createRoundBody, response: { 201: round, ...errors } } },
    async (request, reply) => reply.code(201).send(await createRound(ctx, request.actor, request.body)),
  );

  app.get(
    '/api/recognition/rounds',
    {
      schema: {
        tags,
        summary: '申报批次列表（企业：正在申报和已申报的批次，含本企业的申报和申报条件预检）',
        querystring: roundListQuery,
        response: { 200: roundList, ...errors },
      },
    },
    (request) => listRounds(ctx, request.actor, request.query),
  );

  app.get(
    '/api/recognition/rounds/:id',
    {
      schema: {
        tags,
        summary: '申报批次详情（各状态申报数；区县为本区县的）',
        params: idParams,
        response: { 200: roundDetail, ...errors },
      },
    },
    (request) => getRound(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/recognition/rounds/:id/publicity',
    {
      schema: {
        tags,
        summary: '发起公示（复审通过的申报进入公示；开始日期不晚于今天，按工作日计算公示截止日期）',
        params: idParams,
        body: publicityBody,
        response: { 200: publicityResult, ...errors },
      },
    },
    (request) => startPublicity(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/recognition/rounds/:id/publicity-list',
    { schema: { tags, summary: '公示名单（含异议情况）', params: idParams, response: { 200: publicityList, ...errors } } },
    async (request) => {
      const { round: _round, ...list } = await getPublicityList(ctx, request.actor, request.params.id);
      return list;
    },
  );

  app.get(
    '/api/recognition/rounds/:id/publicity-list.xlsx',
    { schema: { tags, summary: '导出公示名单（xlsx：序号、企业名称、区县、统一社会信用代码）', params: idParams } },
    async (request, reply) => {
      const { round: r, items } = await getPublicityList(ctx, request.actor, request.params.id);
      return sendXlsx(reply, `${r.name}公示名单.xlsx`, await roundListWorkbook(`${r.name}拟认定名单（公示）`, items));
    },
  );

  app.post(
    '/api/recognition/rounds/:id/announce',
    {
      schema: {
        tags,
        summary: '公告认定结果（公示期满后；公示中的申报认定并授予称号，异议成立的不予认定）',
        params: idParams,
        body: announceBody,
        response: { 200: announceResult, ...errors },
      },
    },
    async (request) => {
      const { recognised, notRecognised } = await announceRound(ctx, request.actor, request.params.id, request.body);
      return { recognised, notRecognised };
    },
  );

  app.post(
    '/api/recognition/rounds/:id/recommend',
    {
      schema: {
        tags,
        summary: '推荐至工业和信息化部（专精特新“小巨人”企业批次）',
        params: idParams,
        body: recommendBody,
        response: { 200: recommendResult, ...errors },
      },
    },
    (request) => recommendRound(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/recognition/rounds/:id/recommended.xlsx',
    { schema: { tags, summary: '导出推荐名单（xlsx）', params: idParams } },
    async (request, reply) => {
      const { round: r, items } = await getRecommendedList(ctx, request.actor, request.params.id);
      return sendXlsx(reply, `${r.name}推荐名单.xlsx`, await roundListWorkbook(`${r.name}推荐名单`, items));
    },
  );

  app.post(
    '/api/recognition/rounds/:id/close',
    {
      schema: {
        tags,
        summary: '结束批次（按已导入的工业和信息化部名单登记认定结果）',
        params: idParams,
        body: closeRoundBody,
        response: { 200: closeRoundResult, ...errors },
      },
    },
    (request) => closeRound(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/enterprises/:id/titles/:titleId/revoke',
    {
      schema: {
        tags,
        summary: '撤销称号（市经信委；数据造假等类别自撤销之日起 3 年内不得申报）',
        params: revokeParams,
        body: revokeBody,
        response: { 200: revokedTitle, ...errors },
      },
    },
    (request) => revokeTitle(ctx, request.actor, request.params.id, request.params.titleId, request.body),
  );

  // ---- C: expert scoring, objections ----

  app.post(
    '/api/recognition/rounds/:id/experts/draw',
    {
      schema: {
        tags,
        summary: '抽取评审专家（双随机：同行业大类优先、再同门类，排除申报利益冲突和服务该区县的专家；专家不足的申报列出、不抽取）',
        params: idParams,
        body: drawExpertsBody,
        response: { 200: drawExpertsResult, ...errors },
      },
    },
    (request) => drawExperts(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/recognition/reviews',
    {
      schema: {
        tags,
        summary: '专家评审：分配给本人的申报（专家账号）',
        querystring: myReviewsQuery,
        response: { 200: myReviewList, ...errors },
      },
    },
    (request) => listMyReviews(ctx, request.actor, request.query),
  );

  app.get(
    '/api/recognition/applications/:id/review',
    {
      schema: {
        tags,
        summary: '本人对该申报的评审意见（含需回答的审核问题；仅被抽取的专家）',
        params: idParams,
        response: { 200: myReview, ...errors },
      },
    },
    (request) => getMyReview(ctx, request.actor, request.params.id),
  );

  app.put(
    '/api/recognition/applications/:id/review',
    {
      schema: {
        tags,
        summary: '保存或提交评审意见（审核问题、特色化指标评分、评分、意见；全部专家提交后计算专家评分）',
        params: idParams,
        body: reviewBody,
        response: { 200: reviewResult, ...errors },
      },
    },
    (request) => saveExpertReview(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/recognition/applications/:id/reviews',
    {
      schema: {
        tags,
        summary: '该申报的专家评审意见和专家评分（市经信委）',
        params: idParams,
        response: { 200: applicationReviews, ...errors },
      },
    },
    (request) => listApplicationReviews(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/recognition/applications/:id/objections',
    {
      schema: {
        tags,
        summary: '登记公示异议（市经信委或该申报所在区县；仅公示中的申报）',
        params: idParams,
        body: objectionBody,
        response: { 201: objection, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await recordObjection(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/recognition/applications/:id/objections',
    {
      schema: {
        tags,
        summary: '该申报的公示异议及核查结论（市经信委、所在区县）',
        params: idParams,
        querystring: objectionListQuery,
        response: { 200: objectionList, ...errors },
      },
    },
    (request) => listObjections(ctx, request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/recognition/objections/:id/finding',
    {
      schema: {
        tags,
        summary: '登记异议核查结论（成立：该申报不予认定；不成立：继续公示）',
        params: idParams,
        body: findingBody,
        response: { 200: objection, ...errors },
      },
    },
    (request) => recordObjectionFinding(ctx, request.actor, request.params.id, request.body),
  );

  // ---- D: annual update, 有进有出, title story ----

  app.get(
    '/api/recognition/annual-update-deadlines/:dataYear',
    {
      schema: {
        tags,
        summary: '年度信息更新截止日期（市级设置，未设置时按规则版本默认）',
        params: dataYearParams,
        response: { 200: annualDeadline, ...errors },
      },
    },
    (request) => getAnnualUpdateDeadline(ctx, request.actor, request.params.dataYear),
  );

  app.put(
    '/api/recognition/annual-update-deadlines/:dataYear',
    {
      schema: {
        tags,
        summary: '设置某数据年度的年度信息更新截止日期（市经信委）',
        params: dataYearParams,
        body: deadlineBody,
        response: { 200: annualDeadline, ...errors },
      },
    },
    (request) => setAnnualUpdateDeadline(ctx, request.actor, request.params.dataYear, request.body.dueOn),
  );

  app.get(
    '/api/recognition/annual-updates/me',
    { schema: { tags, summary: '本企业的年度信息更新（上年度数据，按企业库预填）', response: { 200: myAnnualUpdate, ...errors } } },
    (request) => getMyAnnualUpdate(ctx, request.actor),
  );

  app.put(
    '/api/recognition/annual-updates/me/:dataYear',
    {
      schema: {
        tags,
        summary: '提交年度信息更新（持有有效称号的企业；写入企业库年度指标）',
        params: dataYearParams,
        body: annualUpdateBody,
        response: { 200: annualUpdateResult, ...errors },
      },
    },
    (request) => submitAnnualUpdate(ctx, request.actor, request.params.dataYear, request.body.figures),
  );

  app.get(
    '/api/recognition/annual-updates',
    {
      schema: {
        tags,
        summary: '年度信息更新情况（持有有效称号的企业是否已更新；区县只看本区县）',
        querystring: annualUpdateListQuery,
        response: { 200: annualUpdateList, ...errors },
      },
    },
    (request) => listAnnualUpdates(ctx, request.actor, request.query),
  );

  app.get(
    '/api/recognition/flows',
    {
      schema: {
        tags,
        summary: '有进有出：按年度、区县和梯度层级统计新进入、撤销、到期和年末有效数',
        querystring: flowsQuery,
        response: { 200: flowsResult, ...errors },
      },
    },
    (request) => getTitleFlows(ctx, request.actor, request.query),
  );

  app.get(
    '/api/recognition/flows.xlsx',
    { schema: { tags, summary: '有进有出统计导出（xlsx）', querystring: flowsQuery } },
    async (request, reply) => {
      const body = await exportTitleFlows(ctx, request.actor, request.query);
      return sendXlsx(reply, `有进有出-${request.query.year}年.xlsx`, body);
    },
  );

  app.get(
    '/api/recognition/enterprises/:id/story',
    {
      schema: {
        tags,
        summary: '企业的称号档案：每个称号的认定、年度更新、复核、到期或撤销，以及申报记录',
        params: idParams,
        response: { 200: titleStory, ...errors },
      },
    },
    (request) => getTitleStory(ctx, request.actor, request.params.id),
  );
};
