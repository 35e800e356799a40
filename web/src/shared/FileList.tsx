import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { FileInfo } from '../../../src/modules/files/files.schemas';
import { fileSize } from './file-size';

/** Attachments as download links with their size; the server decides who may download each. */
export function FileList({ files, empty = '暂无附件' }: { files: FileInfo[]; empty?: string }) {
  if (!files.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {files.map((f) => (
        <Space key={f.id} size={6}>
          <PaperClipOutlined aria-hidden />
          <a href={`/api/files/${f.id}`} download={f.name}>
            {f.name}
          </a>
          <Typography.Text type="secondary">{fileSize(f.size)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
