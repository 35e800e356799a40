import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function OfficerRounds() {
  return <Empty description="申报批次管理页面建设中" />;
}

export default OfficerRounds;
