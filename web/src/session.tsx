import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, type Me, setUnauthenticatedHandler } from "./api.ts";

/** Who is signed in: loaded once from GET /auth/me, replaced on sign-in, cleared on sign-out or expiry. */
export type SessionState = { status: "loading" } | { status: "anonymous" } | { status: "staff"; me: Me };

interface Session {
  state: SessionState;
  signedIn: (me: Me) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const refresh = useCallback(async () => {
    try {
      setState({ status: "staff", me: await api.auth.me() });
    } catch {
      // 401: nobody is signed in. Anything else (server unreachable): show the public pages; signing in will
      // then say what is wrong.
      setState({ status: "anonymous" });
    }
  }, []);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => setState({ status: "anonymous" }));
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const signedIn = useCallback((me: Me) => setState({ status: "staff", me }), []);
  const signOut = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      setState({ status: "anonymous" });
    }
  }, []);

  const value = useMemo(() => ({ state, signedIn, refresh, signOut }), [state, signedIn, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in staff member; only for components rendered inside the staff area. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "staff") throw new Error("useMe outside the staff area");
  return state.me;
}
