import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function RoundDetailPage() {
  return <Empty description="批次详情页面建设中" />;
}

export default RoundDetailPage;
