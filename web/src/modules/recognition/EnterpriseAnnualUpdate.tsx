import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function EnterpriseAnnualUpdate() {
  return <Empty description="年度信息更新页面建设中" />;
}

export default EnterpriseAnnualUpdate;
