import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function FlowsPage() {
  return <Empty description="有进有出统计页面建设中" />;
}

export default FlowsPage;
