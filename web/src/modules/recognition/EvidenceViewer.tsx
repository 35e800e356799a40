import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Modal, Space, Spin, Table } from 'antd';
import { useEffect, useState } from 'react';
import { fileSize } from '../../shared/file-size';

export interface EvidenceFile {
  id: string;
  name: string;
  size: number;
  type: string;
  indicatorId: string | null;
}

const viewable = (type: string) => type === 'application/pdf' || type.startsWith('image/');

/** The file in the page: fetched as a blob (the server sends attachments for download), shown as PDF or image. */
function Preview({ file, onClose }: { file: EvidenceFile | null; onClose(): void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return;
    let revoked = false;
    let objectUrl: string | null = null;
    setUrl(null);
    setError(null);
    fetch(`/api/files/${file.id}`, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new Error(r.status === 404 ? '附件不存在或无权查看' : '附件打开失败，请下载后查看');
        const blob = await r.blob();
        if (revoked) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file]);
  return (
    <Modal open={file !== null} title={file?.name} onCancel={onClose} footer={null} width={960} destroyOnHidden>
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : !url ? (
        <Spin />
      ) : file?.type.startsWith('image/') ? (
        <img src={url} alt={file.name} style={{ maxWidth: '100%' }} />
      ) : (
        <iframe src={url} title={file?.name} style={{ width: '100%', height: '70vh', border: 0 }} />
      )}
    </Modal>
  );
}

/** 佐证材料 by indicator: open (PDF and images in the page) or download each file. */
export function EvidenceViewer({ files, indicatorName }: { files: EvidenceFile[]; indicatorName(id: string | null): string }) {
  const [open, setOpen] = useState<EvidenceFile | null>(null);
  if (!files.length) return <Empty description="企业未上传佐证材料。如需材料，请退回企业并在原因中写明需补充的内容。" />;
  return (
    <>
      <Table<EvidenceFile>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...files].sort((a, b) => indicatorName(a.indicatorId).localeCompare(indicatorName(b.indicatorId), 'zh-CN'))}
        columns={[
          { title: '对应指标', render: (_, f) => indicatorName(f.indicatorId), width: 260 },
          { title: '文件名', dataIndex: 'name' },
          { title: '大小', width: 100, render: (_, f) => fileSize(f.size) },
          {
            title: '操作',
            width: 180,
            render: (_, f) => (
              <Space>
                {viewable(f.type) && (
                  <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(f)}>
                    查看
                  </Button>
                )}
                <Button size="small" icon={<DownloadOutlined />} href={`/api/files/${f.id}`} download={f.name}>
                  下载
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Preview file={open} onClose={() => setOpen(null)} />
    </>
  );
}
