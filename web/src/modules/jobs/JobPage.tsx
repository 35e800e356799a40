import { Card } from 'antd';
import { useParams } from 'react-router';
import { JobProgress } from './JobProgress';

/** /jobs/:id — a background job's progress and outcome, for the user who started it. */
export default function JobPage() {
  const { id = '' } = useParams();
  return (
    <Card title="后台任务">
      <JobProgress jobId={id} />
    </Card>
  );
}
