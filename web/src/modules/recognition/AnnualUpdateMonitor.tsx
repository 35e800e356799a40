import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function AnnualUpdateMonitor() {
  return <Empty description="年度更新监测页面建设中" />;
}

export default AnnualUpdateMonitor;
