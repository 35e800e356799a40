import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { RECOGNITION_STATUSES } from '../../../../src/domain/recognition/lifecycle';
import { ApiError } from '../../shared/api';
import { count, date } from '../../shared/format';
import { useSession } from '../../shared/session';
import {
  type ApplicationListItem,
  announceRound,
  closeRound,
  type DrawResult,
  drawExperts,
  fetchApplications,
  fetchPublicityList,
  fetchRound,
  type PublicityItem,
  publicityXlsxUrl,
  type RoundDetail,
  recognitionKeys,
  recommendedXlsxUrl,
  recommendRound,
  startPublicity,
} from './api';
import { PHASE_COLORS, todayDate, windowText } from './rounds-shared';
import { OBJECTION_COLORS, OBJECTION_LABELS, statusLabel } from './status';

const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');
const errorText = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback);

function Counts({ round }: { round: RoundDetail }) {
  const shown = RECOGNITION_STATUSES.filter((s) => (round.counts[s] ?? 0) > 0);
  if (!shown.length) return <Empty description="本批次还没有申报。申报时间开始后，企业提交的申报会在这里按状态统计。" />;
  return (
    <Row gutter={[16, 16]}>
      {shown.map((s) => (
        <Col key={s} xs={12} sm={8} md={6} lg={4}>
          <Link to={`/recognition/applications?roundId=${round.id}&status=${s}`}>
            <Statistic title={statusLabel(s)} value={count(round.counts[s] ?? 0)} />
          </Link>
        </Col>
      ))}
    </Row>
  );
}

function ExpertDraw({ round }: { round: RoundDetail }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [result, setResult] = useState<DrawResult | null>(null);
  const waiting = round.counts.district_approved ?? 0;
  const draw = useMutation({
    mutationFn: () => drawExperts(round.id),
    onSuccess: (r) => {
      setResult(r);
      message.success(`已为 ${count(r.assigned)} 项申报抽取评审专家`);
      client.invalidateQueries({ queryKey: recognitionKeys.all });
    },
    onError: (e) => {
      message.error(errorText(e, '抽取失败，请稍后重试'));
    },
  });
  return (
    <Card title="专家评审" size="small" style={{ marginBottom: 16 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          每项申报随机抽取 {count(round.expertsPerApplication)} 名同领域专家（回避声明了利益冲突的专家和服务该区县的专家），按
          {round.scoreMethodLabel}
          计分，评分与其他专家相差超过 {count(round.scoreMargin)} 分时标出。
        </Typography.Text>
        <Space>
          <Button type="primary" disabled={!waiting} loading={draw.isPending} onClick={() => draw.mutate()}>
            为初审通过的 {count(waiting)} 项申报抽取专家
          </Button>
          {!waiting && <Typography.Text type="secondary">区县初审通过的申报会在这里等待抽取专家。</Typography.Text>}
        </Space>
        {result && result.shortfall.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`${count(result.shortfall.length)} 项申报的可用专家不足，未抽取（仍为初审通过）`}
            description={
              <ul>
                {result.shortfall.map((s) => (
                  <li key={s.applicationId}>
                    {s.enterpriseName}：需要 {count(s.wanted)} 名，可用 {count(s.found)} 名
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
    </Card>
  );
}

function StartPublicity({ round }: { round: RoundDetail }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const approved = useQuery({
    queryKey: recognitionKeys.applications({ roundId: round.id, status: 'city_approved', pageSize: 200 }),
    queryFn: () => fetchApplications({ roundId: round.id, status: 'city_approved', pageSize: 200 }),
  });
  const [selected, setSelected] = useState<string[] | null>(null);
  const [startsOn, setStartsOn] = useState<Dayjs>(todayDate());
  const items = approved.data?.items ?? [];
  const chosen = selected ?? items.map((i) => i.id);
  const start = useMutation({
    mutationFn: () => startPublicity(round.id, { startsOn: ymd(startsOn), applicationIds: chosen }),
    onSuccess: (r) => {
      message.success(`公示已开始，${count(r.count)} 家企业，公示期至 ${r.endsOn}`);
      if (r.unmaintainedYears.length)
        message.warning(`${r.unmaintainedYears.join('、')} 年的工作日历尚未维护，公示截止日按周末计算，请到“参考数据”维护工作日历`);
      setSelected(null);
      client.invalidateQueries({ queryKey: recognitionKeys.all });
    },
    onError: (e) => {
      message.error(errorText(e, '开始公示失败，请稍后重试'));
    },
  });
  if (!items.length && !approved.isLoading)
    return (
      <Typography.Text type="secondary">
        暂无复审通过的申报。市级复审通过后，可在这里选定名单开始公示（公示期 {count(round.publicityDays)} 个工作日）。
      </Typography.Text>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<ApplicationListItem>
        rowKey="id"
        size="small"
        loading={approved.isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ y: 320 }}
        rowSelection={{
          selectedRowKeys: chosen,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (r) => ({ 'aria-label': `公示${r.enterpriseName}` }),
        }}
        columns={[
          { title: '企业名称', dataIndex: 'enterpriseName' },
          { title: '区县', dataIndex: 'districtName', width: 100 },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 200 },
          {
            title: '得分',
            width: 80,
            render: (_, r) => ((r.expertScore ?? r.score) === null ? '—' : count(r.expertScore ?? r.score)),
          },
        ]}
      />
      <Space wrap>
        <span>公示开始日期</span>
        <DatePicker
          aria-label="公示开始日期"
          value={startsOn}
          allowClear={false}
          onChange={(d) => d && setStartsOn(d)}
          disabledDate={(d) => d.isAfter(todayDate(), 'day')}
        />
        <Button type="primary" disabled={!chosen.length} loading={start.isPending} onClick={() => start.mutate()}>
          开始公示（{count(chosen.length)} 家）
        </Button>
        <Typography.Text type="secondary">开始日期可以是今天或已在网站发布公示的日期，截止日按工作日计算。</Typography.Text>
      </Space>
    </Space>
  );
}

/** The list as a published notice prints it: 序号, 企业名称, 区县, 统一社会信用代码. */
function PrintNotice({ round, items, open, onClose }: { round: RoundDetail; items: PublicityItem[]; open: boolean; onClose(): void }) {
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={900}
      title="打印公示名单"
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      }
    >
      <style>{`@media print {
        body * { visibility: hidden; }
        .publicity-notice, .publicity-notice * { visibility: visible; }
        .publicity-notice { position: absolute; left: 0; top: 0; width: 100%; }
        .publicity-notice table { border-collapse: collapse; width: 100%; }
        .publicity-notice th, .publicity-notice td { border: 1px solid #000; padding: 4px 6px; }
      }`}</style>
      <div className="publicity-notice">
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {round.name}拟认定名单公示
        </Typography.Title>
        <Typography.Paragraph>
          公示期：{date(round.publicityStartsOn)} 至 {date(round.publicityEndsOn)}
          。公示期内，对名单有异议的，请以实名方式向重庆市经济和信息化委员会反映。
        </Typography.Paragraph>
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              {['序号', '企业名称', '区县', '统一社会信用代码'].map((h) => (
                <th key={h} style={{ border: '1px solid #999', padding: '4px 6px' }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((i, n) => (
              <tr key={i.applicationId}>
                <td style={{ border: '1px solid #999', padding: '4px 6px', textAlign: 'center' }}>{n + 1}</td>
                <td style={{ border: '1px solid #999', padding: '4px 6px' }}>{i.enterpriseName}</td>
                <td style={{ border: '1px solid #999', padding: '4px 6px' }}>{i.districtName}</td>
                <td style={{ border: '1px solid #999', padding: '4px 6px' }}>{i.uscc}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
}

function PublicityCard({ round, isCity }: { round: RoundDetail; isCity: boolean }) {
  const started = Boolean(round.publicityStartsOn);
  const list = useQuery({
    queryKey: recognitionKeys.publicity(round.id),
    queryFn: () => fetchPublicityList(round.id),
    enabled: started,
  });
  const [printing, setPrinting] = useState(false);
  const items = list.data?.items ?? [];
  const open = items.filter((i) => i.objection === 'open').length;
  return (
    <Card
      title="公示"
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        started && (
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} disabled={!items.length}>
              打印公示名单
            </Button>
            <Button icon={<DownloadOutlined />} href={publicityXlsxUrl(round.id)}>
              导出 xlsx
            </Button>
          </Space>
        )
      }
    >
      {!started ? (
        isCity ? (
          <StartPublicity round={round} />
        ) : (
          <Typography.Text type="secondary">市经信委尚未开始公示。</Typography.Text>
        )
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            公示期：{date(round.publicityStartsOn)} 至 {date(round.publicityEndsOn)}（{count(round.publicityDays)} 个工作日），共{' '}
            {count(items.length)} 家{open ? `，${count(open)} 家有待核查的异议` : ''}
          </Typography.Text>
          <Table<PublicityItem>
            rowKey="applicationId"
            size="small"
            loading={list.isLoading}
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '序号', width: 70, render: (_, __, i) => i + 1 },
              {
                title: '企业名称',
                render: (_, r) => <Link to={`/recognition/applications/${r.applicationId}`}>{r.enterpriseName}</Link>,
              },
              { title: '区县', dataIndex: 'districtName', width: 100 },
              { title: '统一社会信用代码', dataIndex: 'uscc', width: 200 },
              { title: '状态', dataIndex: 'statusLabel', width: 100 },
              {
                title: '异议',
                width: 200,
                render: (_, r) =>
                  r.objection === 'none' ? (
                    <Link to={`/recognition/applications/${r.applicationId}`}>无（登记异议）</Link>
                  ) : (
                    <Tag color={OBJECTION_COLORS[r.objection]}>{OBJECTION_LABELS[r.objection]}</Tag>
                  ),
              },
            ]}
          />
        </Space>
      )}
      <PrintNotice round={round} items={items} open={printing} onClose={() => setPrinting(false)} />
    </Card>
  );
}

function AnnounceCard({ round }: { round: RoundDetail }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ announcedOn: Dayjs; documentNo: string }>();
  const announce = useMutation({
    mutationFn: (v: { announcedOn: Dayjs; documentNo: string }) =>
      announceRound(round.id, { announcedOn: ymd(v.announcedOn), documentNo: v.documentNo.trim() }),
    onSuccess: (r) => {
      message.success(`已公告：认定 ${count(r.recognised)} 家，不予认定 ${count(r.notRecognised)} 家`);
      client.invalidateQueries({ queryKey: recognitionKeys.all });
    },
    onError: (e) => {
      message.error(errorText(e, '公告失败，请稍后重试'));
    },
  });
  if (round.announcedOn)
    return (
      <Card title="公告认定" size="small" style={{ marginBottom: 16 }}>
        <Typography.Text>
          已于 {date(round.announcedOn)} 公告（文号：{round.documentNo}），认定企业的称号有效期 3 年。
        </Typography.Text>
      </Card>
    );
  const earliest = round.publicityEndsOn ? dayjs(round.publicityEndsOn).add(1, 'day') : null;
  return (
    <Card title="公告认定" size="small" style={{ marginBottom: 16 }}>
      {!round.publicityEndsOn ? (
        <Typography.Text type="secondary">公示结束后在这里公告认定结果。</Typography.Text>
      ) : (
        <Form form={form} layout="inline" onFinish={(v) => announce.mutate(v)} initialValues={{ announcedOn: todayDate() }}>
          <Form.Item name="announcedOn" label="公告日期" rules={[{ required: true, message: '请选择公告日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="documentNo" label="文号" rules={[{ required: true, whitespace: true, message: '请填写公告文号' }]}>
            <Input placeholder="如：渝经信发〔2026〕12号" style={{ width: 260 }} maxLength={100} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={announce.isPending}>
              公告认定
            </Button>
          </Form.Item>
          <Typography.Text type="secondary">
            公告日期最早为公示结束次日（{earliest ? earliest.format('YYYY-MM-DD') : '—'}）；有待核查异议的企业须先记录核查结论。
          </Typography.Text>
        </Form>
      )}
    </Card>
  );
}

function LittleGiantCard({ round }: { round: RoundDetail }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [recommendedOn, setRecommendedOn] = useState<Dayjs>(todayDate());
  const [closedOn, setClosedOn] = useState<Dayjs>(todayDate());
  const refresh = () => client.invalidateQueries({ queryKey: recognitionKeys.all });
  const recommend = useMutation({
    mutationFn: () => recommendRound(round.id, { recommendedOn: ymd(recommendedOn) }),
    onSuccess: (r) => {
      message.success(`已推荐 ${count(r.recommended)} 家企业至工业和信息化部`);
      refresh();
    },
    onError: (e) => {
      message.error(errorText(e, '推荐失败，请稍后重试'));
    },
  });
  const close = useMutation({
    mutationFn: () => closeRound(round.id, { closedOn: ymd(closedOn) }),
    onSuccess: (r) => {
      message.success(`批次已结束：认定 ${count(r.recognised)} 家，未获认定 ${count(r.notRecognised)} 家`);
      refresh();
    },
    onError: (e) => {
      message.error(errorText(e, '结束批次失败，请稍后重试'));
    },
  });
  return (
    <Card title="推荐与结果登记（小巨人）" size="small" style={{ marginBottom: 16 }}>
      <Space orientation="vertical">
        <Space wrap>
          <span>推荐日期</span>
          <DatePicker aria-label="推荐日期" value={recommendedOn} allowClear={false} onChange={(d) => d && setRecommendedOn(d)} />
          <Button type="primary" disabled={Boolean(round.recommendedOn)} loading={recommend.isPending} onClick={() => recommend.mutate()}>
            推荐复审通过的企业
          </Button>
          <Button icon={<DownloadOutlined />} href={recommendedXlsxUrl(round.id)}>
            导出推荐名单 xlsx
          </Button>
          {round.recommendedOn && <Typography.Text type="secondary">已于 {date(round.recommendedOn)} 推荐</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">
          工业和信息化部公布名单后，请先在“企业库 → 导入”中导入称号名单，再结束批次：名单中的企业记为已认定，其余记为未认定。
        </Typography.Text>
        <Space wrap>
          <span>结束日期</span>
          <DatePicker aria-label="结束日期" value={closedOn} allowClear={false} onChange={(d) => d && setClosedOn(d)} />
          <Button disabled={!round.recommendedOn || Boolean(round.closedOn)} loading={close.isPending} onClick={() => close.mutate()}>
            登记结果并结束批次
          </Button>
          {round.closedOn && <Typography.Text type="secondary">已于 {date(round.closedOn)} 结束</Typography.Text>}
        </Space>
      </Space>
    </Card>
  );
}

/** A round: its settings, applications counted by status, the expert draw, 公示, 公告 (小巨人: 推荐 and close). */
export function RoundDetailPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const isCity = user?.role === 'city_admin';
  const round = useQuery({ queryKey: recognitionKeys.round(id), queryFn: () => fetchRound(id), retry: false });
  useEffect(() => {
    if (round.data) document.title = `${round.data.name} · 申报批次`;
  }, [round.data]);
  if (round.isLoading) return <Spin />;
  const r = round.data;
  if (!r) return <Result status="404" title="申报批次不存在" extra={<Link to="/recognition/rounds">返回申报批次</Link>} />;
  const littleGiant = r.tier === 'little_giant';
  return (
    <>
      <div>
        <Link to="/recognition/rounds">
          <ArrowLeftOutlined aria-hidden /> 返回申报批次
        </Link>
      </div>
      <Space align="center" style={{ margin: '8px 0 16px' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {r.name}
        </Typography.Title>
        <Tag color={PHASE_COLORS[r.phase]}>{r.phaseLabel}</Tag>
      </Space>
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="层级">{r.tierLabel}</Descriptions.Item>
        <Descriptions.Item label="类型">{r.typeLabel}</Descriptions.Item>
        <Descriptions.Item label="年度">{r.year} 年</Descriptions.Item>
        <Descriptions.Item label="申报时间" span={2}>
          {windowText(r)}
        </Descriptions.Item>
        <Descriptions.Item label="区县初审截止">
          {date(r.districtReviewDueOn)}（截止后 {count(r.districtReviewDays)} 个工作日）
        </Descriptions.Item>
        <Descriptions.Item label="评价规则" span={2}>
          {r.ruleSetName}
          {r.ruleSetOverrideReason ? `（改用理由：${r.ruleSetOverrideReason}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="专家评审">
          {r.expertReview ? `每项 ${count(r.expertsPerApplication)} 名，${r.scoreMethodLabel}` : '不评审'}
        </Descriptions.Item>
      </Descriptions>
      {r.unmaintainedYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${r.unmaintainedYears.join('、')} 年的工作日历尚未维护：截止日按周末计算，可能与法定节假日不符。请到“参考数据 → 工作日历”维护。`}
        />
      )}
      <Card title="申报情况" size="small" style={{ marginBottom: 16 }}>
        <Counts round={r} />
      </Card>
      {isCity && r.expertReview && <ExpertDraw round={r} />}
      {littleGiant ? (
        isCity && <LittleGiantCard round={r} />
      ) : (
        <>
          <PublicityCard round={r} isCity={isCity} />
          {isCity && <AnnounceCard round={r} />}
        </>
      )}
    </>
  );
}

export default RoundDetailPage;
