import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { count } from '../../shared/format';
import { useUrlState } from '../../shared/useUrlState';
import { importReports, importTemplateUrl, type MonitoringImportError, type MonitoringImportResult, reportsExportUrl } from './api-import';
import { defaultPeriod, officerKeys } from './api-officers';
import { PeriodSelect } from './PeriodSelect';
import { periodLabel } from './period';

/** The errors as a CSV (UTF-8 with BOM, as Excel opens it): 行号, 列, 说明. */
function downloadErrors(errors: MonitoringImportError[], fileName: string) {
  const cell = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  const lines = [['行号', '列', '说明'], ...errors.map((e) => [e.row, e.column, e.message])].map((r) => r.map(cell).join(','));
  const url = URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `月报导入错误-${fileName.replace(/\.(xlsx|csv)$/i, '')}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 月报导入: a district enters a month's reports of firms that report offline — template, upload, preview by row and column, commit. */
export default function ImportPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [state, setState] = useUrlState(['period'] as const);
  const period = state.period ?? defaultPeriod();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<MonitoringImportResult | null>(null);

  const send = useMutation({
    mutationFn: ({ f, mode }: { f: File; mode: 'preview' | 'commit' }) => importReports(f, period, mode),
    onSuccess: (r) => {
      setResult(r);
      if (r.committed) client.invalidateQueries({ queryKey: officerKeys.all });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '导入失败，请稍后重试');
    },
  });
  const changePeriod = (p: string) => {
    setState({ period: p });
    setFile(null);
    setResult(null);
  };
  const errorCount = result?.errorCount ?? 0;
  const writes = (result?.created ?? 0) + (result?.updated ?? 0);

  return (
    <>
      <Typography.Title level={3}>月报导入</Typography.Title>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>导入月份：</span>
            <PeriodSelect value={period} onChange={changePeriod} label="导入月份" />
            <Button icon={<DownloadOutlined />} href={importTemplateUrl(period)}>
              下载{periodLabel(period)}导入模板
            </Button>
            <Button icon={<DownloadOutlined />} href={reportsExportUrl(period)}>
              导出{periodLabel(period)}月报
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            为线下报送的企业代报月报：模板已列出本辖区监测企业中该月尚未通过审核的企业。金额单位万元，用电量万千瓦时，从业人员为期末人数。
            触发提示性审核的行须在“说明”列填写原因。先预览，全部无误后才能确认导入；有任何错误时不写入任何数据，同一文件重复导入不会重复写入。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={send.isPending}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              send.mutate({ f, mode: 'preview' });
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖拽填好的{periodLabel(period)}月报文件到此处预览</p>
          </Upload.Dragger>
        </Space>
      </Card>
      <Card
        style={{ marginTop: 16 }}
        title={file ? `${result?.committed ? '导入结果' : '预览'}：${file.name}` : '预览'}
        data-testid="import-result"
      >
        {!result && !send.isPending && (
          <Empty description="尚未上传文件：请先下载导入模板，填写后上传预览" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
        {send.isPending && <Typography.Text>正在逐行审核，请稍候…</Typography.Text>}
        {result && !send.isPending && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {result.committed && (
              <Alert
                type="success"
                showIcon
                data-testid="import-done"
                title={
                  writes
                    ? `导入完成：${periodLabel(period)}月报新增 ${count(result.created)} 份、更新 ${count(result.updated)} 份，已计入运行分析`
                    : '文件中的月报与已保存的完全相同，没有需要写入的内容'
                }
              />
            )}
            <Space size={48} wrap>
              <Statistic title="数据行" value={count(result.rows)} />
              <Statistic title="新增" value={count(result.created)} />
              <Statistic title="更新" value={count(result.updated)} />
              <Statistic title="未变化" value={count(result.unchanged)} />
              <Statistic title="附说明" value={count(result.explained)} />
              <Statistic title="错误" value={count(errorCount)} styles={{ content: { color: errorCount ? '#cf1322' : undefined } }} />
            </Space>
            {!result.committed && (
              <Space>
                <Button
                  type="primary"
                  loading={send.isPending}
                  disabled={errorCount > 0 || writes === 0 || !file}
                  onClick={() => file && send.mutate({ f: file, mode: 'commit' })}
                >
                  确认导入
                </Button>
                {errorCount > 0 && <Typography.Text type="danger">有错误时不能导入：请按行号和列修改文件后重新上传</Typography.Text>}
                {errorCount === 0 && writes === 0 && (
                  <Typography.Text type="secondary">文件中的月报与已保存的相同，无需导入</Typography.Text>
                )}
              </Space>
            )}
            {errorCount > 0 && (
              <>
                <Space>
                  <Typography.Text strong>
                    错误明细（共 {count(errorCount)} 处
                    {result.errors.length < errorCount ? `，下列为前 ${count(result.errors.length)} 处` : ''}）
                  </Typography.Text>
                  <Button icon={<DownloadOutlined />} onClick={() => downloadErrors(result.errors, file?.name ?? '月报')}>
                    下载错误明细
                  </Button>
                </Space>
                <Table<MonitoringImportError>
                  rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
                  size="small"
                  dataSource={result.errors}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 80, render: (row: number) => count(row) },
                    { title: '列', dataIndex: 'column', width: 220 },
                    { title: '说明', dataIndex: 'message' },
                  ]}
                />
              </>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}
