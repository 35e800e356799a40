import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { date, dateTime } from '../../shared/format';
import { bulletinKeys, documentUrl, fetchBulletin, rankingXlsxUrl } from './api';
import { RankingTable } from './RankingTable';

/** A published 通报, frozen: its title, 文号, as-of day, downloads and the ranking (the reader's own row highlighted). */
export default function BulletinPage() {
  const { id = '' } = useParams();
  const b = useQuery({ queryKey: bulletinKeys.one(id), queryFn: () => fetchBulletin(id) });
  if (b.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={(b.error as Error).message}
        description={<Link to="/bulletins?tab=published">返回已发布通报</Link>}
      />
    );
  if (!b.data) return <Spin />;
  const s = b.data.snapshot;
  const own = b.data.own;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ marginBottom: 8 }}>
          {b.data.title}
        </Typography.Title>
        <Space>
          <Button type="primary" icon={<FileWordOutlined />} href={documentUrl(id)}>
            下载通报正文
          </Button>
          <Button icon={<DownloadOutlined />} href={rankingXlsxUrl(id)}>
            下载排名表
          </Button>
        </Space>
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'no', label: '文号', children: b.data.documentNo ?? '—' },
            { key: 'period', label: '期别', children: b.data.periodLabel },
            { key: 'asOf', label: '数据截至', children: date(b.data.asOf) },
            { key: 'at', label: '发布时间', children: dateTime(b.data.publishedAt) },
            { key: 'full', label: '满分', children: `${s.fullMark} 分` },
            {
              key: 'rev',
              label: '版本',
              children: b.data.revision > 0 ? <Tag color="orange">第 {b.data.revision} 次更正</Tag> : '首次发布',
            },
          ]}
        />
        {own && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={`本区县排名第 ${own.rank} 名，总分 ${own.total.toFixed(2)} 分（满分 ${s.fullMark} 分）。点击行首“+”查看每项得分的依据。`}
          />
        )}
      </Card>
      <RankingTable snapshot={s} ownCode={b.data.ownUnitCode} />
    </>
  );
}
