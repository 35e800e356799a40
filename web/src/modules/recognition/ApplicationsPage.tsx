import { useSession } from '../../shared/session';
import { ApplicationsReviewList } from './ApplicationsReviewList';
import { MyApplications } from './MyApplications';

/** 申报审核 for officers; 我的申报 (W1) for an enterprise. */
export default function ApplicationsPage() {
  const { user } = useSession();
  return user?.role === 'enterprise' ? <MyApplications /> : <ApplicationsReviewList />;
}
