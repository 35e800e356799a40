import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { authKeys, fetchMe, logout } from '../modules/auth/api';
import { ApiError, type CurrentUser } from './api';

interface SessionValue {
  user: CurrentUser | null;
  /** The password was set by an administrator: the app shows only the change-password page. */
  mustChangePassword: boolean;
  loading: boolean;
  refresh: () => Promise<unknown>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: authKeys.me,
    queryFn: async () => {
      try {
        return await fetchMe();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  const value: SessionValue = {
    user: me.data?.user ?? null,
    mustChangePassword: me.data?.mustChangePassword ?? false,
    loading: me.isLoading,
    refresh: () => me.refetch(),
    signOut: async () => {
      await logout().catch(() => undefined);
      // Update the session query in place (its observers re-render to the login page at once),
      // then drop everything else the previous user loaded. client.clear() would also drop the
      // observed 'me' query, and the screen kept showing the officer until a reload.
      client.setQueryData(authKeys.me, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
