import { useSession } from '../../shared/session';
import { ApplicationForm } from './ApplicationForm';
import { ApplicationReview } from './ApplicationReview';

/** One application: the enterprise fills its form (W1); officers and assigned experts review it (W2). */
export default function ApplicationPage() {
  const { user } = useSession();
  return user?.role === 'enterprise' ? <ApplicationForm /> : <ApplicationReview />;
}
