import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Progress, Space, Statistic, Table, Typography, Upload } from 'antd';
import { ApiError } from '../../shared/api';
import { count, wan } from '../../shared/format';
import { useUrlState } from '../../shared/useUrlState';
import { commitImport, type EnterpriseChanges, type FieldChange, fetchImportJob, type ImportError, importKeys } from './api';
import { TitleListImport } from './TitleListImport';

/** A value as the enterprise page shows it: 万元 with separators and two decimals, people with separators. */
function shown(kind: FieldChange['kind'], value: string | number | null): string {
  if (value === null || value === '') return '（空）';
  if (kind === 'amount') return `${wan(Number(value))} 万元`;
  if (kind === 'count') return `${count(Number(value))} 人`;
  if (kind === 'score') return `${value} 分`;
  if (kind === 'year') return `${value} 年`;
  return String(value);
}

const PHASES: Record<string, string> = { reading: '读取文件', checking: '核对数据', writing: '写入数据库', done: '完成' };

/** Upload → preview (new / updated / unchanged / errors) → commit. The job id is in the URL, so the page can be left and reopened. */
export default function ImportPage() {
  const { message } = App.useApp();
  const [state, setState] = useUrlState(['job'] as const);
  const job = useQuery({
    queryKey: importKeys.job(state.job),
    queryFn: () => fetchImportJob(state.job ?? ''),
    enabled: Boolean(state.job),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 700),
  });
  const j = job.data;
  const running = j && (j.status === 'queued' || j.status === 'running');
  const errors = j?.result?.errors ?? j?.error?.details?.errors ?? [];
  const errorCount = j?.result?.errorCount ?? j?.error?.details?.errorCount ?? 0;

  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    const response = await fetch('/api/enterprises/import-jobs', { method: 'POST', body, credentials: 'same-origin' });
    const data = await response.json();
    if (!response.ok) message.error(data.message ?? '上传失败');
    else setState({ job: data.id });
  };
  const commit = async () => {
    try {
      const started = await commitImport(state.job ?? '');
      setState({ job: started.id });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '确认导入失败');
    }
  };

  return (
    <>
      <Typography.Title level={3}>导入企业</Typography.Title>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            支持 Excel（.xlsx）和 CSV（UTF-8 或 GBK
            编码）。先预览：显示将新增、更新、未变化的企业和有错误的行；全部无误后才能确认导入，导入要么全部成功，要么不写入任何数据。
            <Button type="link" icon={<DownloadOutlined />} href="/api/enterprises/import-template">
              下载导入模板
            </Button>
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload(file);
              return false;
            }}
            disabled={Boolean(running)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖拽文件到此处上传并预览</p>
          </Upload.Dragger>
        </Space>
      </Card>
      {j && (
        <Card style={{ marginTop: 16 }} title={`${j.mode === 'commit' ? '导入' : '预览'}：${j.fileName}`} data-testid="import-job">
          {running && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <span>
                {PHASES[j.phase ?? ''] ?? '排队中'}… 已处理 {count(j.processedRows)} 行（可以离开本页，稍后回来查看）
              </span>
              <Progress percent={j.phase === 'writing' ? 90 : j.phase === 'checking' ? 60 : 30} status="active" showInfo={false} />
            </Space>
          )}
          {j.status === 'failed' && <Alert type="error" showIcon title={j.error?.message ?? '导入失败'} data-testid="import-failed" />}
          {j.result && (
            <>
              {j.result.committed && (
                <Alert type="success" showIcon title="导入完成，数据已写入企业库" style={{ marginBottom: 16 }} data-testid="import-done" />
              )}
              <Space size={48}>
                <Statistic title="新增" value={j.result.created} />
                <Statistic title="更新" value={j.result.updated} />
                <Statistic title="未变化" value={j.result.unchanged} />
                <Statistic title="错误" value={errorCount} styles={{ content: { color: errorCount ? '#cf1322' : undefined } }} />
              </Space>
              {j.mode === 'preview' && (
                <div style={{ marginTop: 16 }}>
                  <Button type="primary" disabled={errorCount > 0 || j.result.created + j.result.updated === 0} onClick={commit}>
                    确认导入
                  </Button>
                  {errorCount > 0 && (
                    <Typography.Text type="danger" style={{ marginLeft: 12 }}>
                      请先修改错误后重新上传
                    </Typography.Text>
                  )}
                </div>
              )}
            </>
          )}
          {j.mode === 'preview' && (j.result?.updates?.length ?? 0) > 0 && (
            <div data-testid="import-updates">
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                将更新的企业（{count(j.result?.updated)} 家
                {(j.result?.updates?.length ?? 0) < (j.result?.updated ?? 0) ? `，下列为前 ${j.result?.updates?.length} 家` : ''}
                ）：确认前请核对将被覆盖的内容
              </Typography.Title>
              <Table<EnterpriseChanges>
                rowKey="uscc"
                size="small"
                dataSource={j.result?.updates}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  {
                    title: '企业',
                    key: 'name',
                    width: 280,
                    render: (_, u) => (
                      <>
                        {u.name}
                        <br />
                        <Typography.Text type="secondary">{u.uscc}</Typography.Text>
                      </>
                    ),
                  },
                  {
                    title: '变更内容（原值 → 新值）',
                    key: 'changes',
                    render: (_, u) => (
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {u.changes.map((c) => (
                          <li key={c.field}>
                            {c.label}：{shown(c.kind, c.before)} → {shown(c.kind, c.after)}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            </div>
          )}
          {errorCount > 0 && (
            <>
              <Space style={{ margin: '16px 0' }}>
                <Typography.Text strong>错误明细（共 {errorCount} 处）</Typography.Text>
                <Button icon={<DownloadOutlined />} href={`/api/enterprises/import-jobs/${j.id}/error-report`}>
                  下载错误报告
                </Button>
              </Space>
              <Table<ImportError>
                rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
                size="small"
                dataSource={errors}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '列', dataIndex: 'column', width: 180 },
                  { title: '说明', dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </Card>
      )}
      <TitleListImport />
    </>
  );
}
