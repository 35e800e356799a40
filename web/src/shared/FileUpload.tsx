import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import type { FileInfo } from '../../../src/modules/files/files.schemas';
import { fileSize } from './file-size';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx,.docx';

export interface FileUploadProps {
  /** Called with the files uploaded so far (their ids go into the form that attaches them). */
  onChange(files: FileInfo[]): void;
  /** True while a file is still uploading (a form should wait before saving). */
  onBusyChange?(busy: boolean): void;
  /** At most this many files (default 20). */
  max?: number;
  label?: string;
}

/**
 * Uploads attachments to POST /api/files one by one (PDF, JPG, PNG, XLSX, DOCX up to 20 MB each;
 * the server checks the type from the bytes) and shows each name with its size. The API's Chinese
 * message is shown when a file is refused.
 */
export function FileUpload({ onChange, onBusyChange, max = 20, label = '上传附件' }: FileUploadProps) {
  const { message } = App.useApp();
  const [list, setList] = useState<UploadFile<FileInfo>[]>([]);
  return (
    <Upload<FileInfo>
      action="/api/files"
      name="file"
      withCredentials
      accept={ACCEPT}
      maxCount={max}
      fileList={list}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) {
          message.error(`“${file.name}”有 ${fileSize(file.size)}，超过 20 MB：请压缩或拆分后再上传`);
          return Upload.LIST_IGNORE;
        }
        if (file.size === 0) {
          message.error(`“${file.name}”是空文件（0 字节）：请选择有内容的文件`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      itemRender={(node, file) => (
        <span title={file.name}>
          {node}
          {file.size !== undefined && <span className="file-upload-size"> {fileSize(file.response?.size ?? file.size)}</span>}
        </span>
      )}
      onChange={({ file, fileList }) => {
        if (file.status === 'error') {
          const answer = file.response as unknown as { message?: string } | undefined;
          message.error(answer?.message ? `“${file.name}”未上传：${answer.message}` : `“${file.name}”上传失败，请重试`);
        }
        const kept = fileList.filter((f) => f.status !== 'error');
        setList(kept);
        onBusyChange?.(kept.some((f) => f.status === 'uploading'));
        onChange(kept.flatMap((f) => (f.status === 'done' && f.response ? [f.response] : [])));
      }}
    >
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}
