import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { SessionKind } from "../../src/contracts/auth.ts";
import type { CitizenMe } from "../../src/contracts/citizen-accounts.ts";
import { api, call, type Me, resetCsrf, setUnauthenticatedHandler } from "./api.ts";

export type { CitizenMe };

/**
 * Who is signed in: loaded once (GET /auth/me for staff, then GET /portal/account/me for a citizen), replaced on
 * sign-in, cleared on sign-out or expiry.
 */
export type SessionState =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "staff"; me: Me }
  | { status: "citizen"; citizen: CitizenMe };

interface Session {
  state: SessionState;
  signedIn: (me: Me) => void;
  citizenSignedIn: (citizen: CitizenMe) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

const CITIZEN_ME = "/portal/account/me";

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const refresh = useCallback(async () => {
    // One call that answers 200 for a visitor too (no failed request in the console), then the citizen's profile.
    try {
      const session = await call<SessionKind>("GET", "/auth/session");
      if (session.kind === "staff") {
        setState({ status: "staff", me: session.me });
        return;
      }
      if (session.kind === "anonymous") {
        setState({ status: "anonymous" });
        return;
      }
      setState({ status: "citizen", citizen: await call<CitizenMe>("GET", CITIZEN_ME) });
    } catch {
      // Server unreachable: show the public pages; signing in will say what is wrong.
      setState({ status: "anonymous" });
    }
  }, []);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => setState({ status: "anonymous" }));
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const signedIn = useCallback((me: Me) => setState({ status: "staff", me }), []);
  const citizenSignedIn = useCallback((citizen: CitizenMe) => {
    resetCsrf();
    setState({ status: "citizen", citizen });
  }, []);
  const signOut = useCallback(async () => {
    const citizen = state.status === "citizen";
    try {
      if (citizen) await call("POST", "/portal/account/logout");
      else await api.auth.logout();
    } finally {
      resetCsrf();
      setState({ status: "anonymous" });
    }
  }, [state.status]);

  const value = useMemo(
    () => ({ state, signedIn, citizenSignedIn, refresh, signOut }),
    [state, signedIn, citizenSignedIn, refresh, signOut],
  );
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
