import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { expertKeys, fetchMyProfile, searchEnterprises } from './api';

/** What an expert's 工作台 says to do: serve the enterprises assigned, and record each service. */
export function ExpertWorkbench() {
  const profile = useQuery({ queryKey: expertKeys.me, queryFn: fetchMyProfile });
  const enterprises = useQuery({ queryKey: ['enterprises', 'assigned', 'count'], queryFn: () => searchEnterprises({ pageSize: 1 }) });
  const total = enterprises.data?.total;
  return (
    <Card title="待办" style={{ marginTop: 16 }}>
      {profile.error ? (
        <Alert type="warning" showIcon title={(profile.error as Error).message} />
      ) : (
        <Row gutter={16} align="middle">
          <Col span={6}>
            <Link to="/experts/my">
              <Statistic title="分配给您服务的企业" value={total ?? '—'} suffix="家" loading={enterprises.isLoading} />
            </Link>
          </Col>
          <Col span={18}>
            {total === 0
              ? '市经信委尚未给您分配服务企业；分配后会在“我的服务企业”中列出，并在消息中心通知。'
              : '打开“我的服务企业”，选择企业查看其基本信息和评价结果；走访、线上或电话服务后，在企业页面点“记录服务”填写服务主题、意见建议和附件，企业和所在区县经信委会收到消息。'}
          </Col>
        </Row>
      )}
    </Card>
  );
}
