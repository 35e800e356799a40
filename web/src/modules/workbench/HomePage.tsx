import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { navFor } from '../../navigation';
import { count } from '../../shared/format';
import { useSession } from '../../shared/session';
import { enterpriseKeys, fetchEnterprises } from '../enterprises/api';
import { ExpertWorkbench } from '../experts/ExpertWorkbench';
import { WorkbenchItems } from './WorkbenchItems';

/** The roles whose 工作台 lists to-dos (GET /api/workbench). */
const WITH_ITEMS = new Set(['city_admin', 'district_admin', 'enterprise']);

export default function HomePage() {
  const { user } = useSession();
  const canSeeEnterprises = user && navFor(user.role).some((item) => item.path === '/enterprises');
  const enterprises = useQuery({
    queryKey: enterpriseKeys.count,
    queryFn: () => fetchEnterprises({ pageSize: 1 }),
    enabled: Boolean(canSeeEnterprises),
  });
  if (!user) return null;
  return (
    <>
      <Typography.Title level={3}>工作台</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="当前账号">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
              <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
              <Descriptions.Item label="角色">{user.roleLabel}</Descriptions.Item>
              <Descriptions.Item label="数据范围">
                {user.role === 'city_admin'
                  ? '全市'
                  : user.role === 'district_admin'
                    ? `${user.districtName ?? user.districtCode}（仅本区县）`
                    : user.role === 'enterprise'
                      ? '本企业'
                      : user.role === 'expert'
                        ? '分配给本人服务的企业（只读）'
                        : `${user.organization ?? ''}（仅分派或推送给本单位的事项）`}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        {canSeeEnterprises && (
          <Col xs={24} sm={12} lg={6}>
            <Card>
              <Link to="/enterprises">
                <Statistic
                  title="数据范围内的企业"
                  value={enterprises.data ? count(enterprises.data.total) : '—'}
                  suffix="家"
                  loading={enterprises.isLoading}
                />
              </Link>
            </Card>
          </Col>
        )}
      </Row>
      {WITH_ITEMS.has(user.role) && <WorkbenchItems />}
      {user.role === 'expert' && <ExpertWorkbench />}
      <Card title="可用功能" style={{ marginTop: 16 }}>
        {navFor(user.role)
          .filter((item) => item.path !== '/')
          .map((item) => (
            <Link key={item.label} to={item.path} style={{ marginRight: 24 }}>
              {item.label}
            </Link>
          ))}
      </Card>
    </>
  );
}
