import { useSession } from '../../shared/session';
import { AnnualUpdateMonitor } from './AnnualUpdateMonitor';
import { EnterpriseAnnualUpdate } from './EnterpriseAnnualUpdate';

/** 年度信息更新: the enterprise's form (W1); officers see who has not updated (W2). */
export default function AnnualUpdatePage() {
  const { user } = useSession();
  return user?.role === 'enterprise' ? <EnterpriseAnnualUpdate /> : <AnnualUpdateMonitor />;
}
