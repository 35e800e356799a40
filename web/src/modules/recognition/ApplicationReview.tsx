import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function ApplicationReview() {
  return <Empty description="申报审核页面建设中" />;
}

export default ApplicationReview;
