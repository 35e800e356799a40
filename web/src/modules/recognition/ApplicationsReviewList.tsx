import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function ApplicationsReviewList() {
  return <Empty description="申报审核列表建设中" />;
}

export default ApplicationsReviewList;
