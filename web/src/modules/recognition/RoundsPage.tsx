import { useSession } from '../../shared/session';
import { EnterpriseRounds } from './EnterpriseRounds';
import { OfficerRounds } from './OfficerRounds';

/** 申报批次: officers manage (city) or see (district) the rounds; an enterprise sees the rounds it may apply to (W1). */
export default function RoundsPage() {
  const { user } = useSession();
  return user?.role === 'enterprise' ? <EnterpriseRounds /> : <OfficerRounds />;
}
