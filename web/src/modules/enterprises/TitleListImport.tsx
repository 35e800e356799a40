import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { TIER_LABELS } from '../../shared/labels';
import type { ImportResult as Result } from './api';

/** A published title list (e.g. 第七批"小巨人"名单): matched by USCC or exact name, previewed, then committed. */
export function TitleListImport() {
  const { message } = App.useApp();
  const [tier, setTier] = useState<string>('little_giant');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (f: File, mode: 'preview' | 'commit') => {
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', f);
      const response = await fetch(`/api/enterprises/titles/import?mode=${mode}&tier=${tier}`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
      });
      const data = await response.json();
      if (response.ok) setResult(data);
      else if (data.details?.errors) setResult(data.details);
      else message.error(data.message ?? '导入失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="导入称号名单" style={{ marginTop: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          名单需有“统一社会信用代码”或“企业名称”、以及“认定日期”列；可选“称号”“级别”“批次”“有效期至”“证书编号”。未填有效期的按认定日期起 3
          年计。企业须已在企业库中。
        </Typography.Paragraph>
        <Space>
          <span>名单中的称号（未填“称号”列时）：</span>
          <Select
            aria-label="名单中的称号"
            value={tier}
            onChange={setTier}
            style={{ width: 220 }}
            options={Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            send(f, 'preview');
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>点击或拖拽名单文件到此处预览</p>
        </Upload.Dragger>
        {result && (
          <>
            {result.committed && <Alert type="success" showIcon title="称号已导入" />}
            <Space size={48}>
              <Statistic title="新增称号" value={result.created} />
              <Statistic title="更新" value={result.updated} />
              <Statistic title="未变化" value={result.unchanged} />
              <Statistic title="错误" value={result.errorCount} />
            </Space>
            {!result.committed && (
              <Button
                type="primary"
                loading={busy}
                disabled={result.errorCount > 0 || result.created + result.updated === 0 || !file}
                onClick={() => file && send(file, 'commit')}
              >
                确认导入称号
              </Button>
            )}
            {result.errorCount > 0 && (
              <Table
                rowKey={(e) => `${e.row}-${e.code}`}
                size="small"
                dataSource={result.errors}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '列', dataIndex: 'column', width: 160 },
                  { title: '说明', dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
