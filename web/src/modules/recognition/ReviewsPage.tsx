import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function ReviewsPage() {
  return <Empty description="专家评审页面建设中" />;
}

export default ReviewsPage;
