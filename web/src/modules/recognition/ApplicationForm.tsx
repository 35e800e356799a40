import { Empty } from 'antd';

// Placeholder until its owner's page lands (issue 10).
export function ApplicationForm() {
  return <Empty description="申报书填报页面建设中" />;
}

export default ApplicationForm;
