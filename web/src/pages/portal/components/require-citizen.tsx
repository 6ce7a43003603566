import type { ReactNode } from "react";
import { Redirect } from "../../../components/redirect.tsx";
import { PORTAL_PATHS } from "../../../portal-paths.ts";
import { useLocation } from "../../../router.tsx";
import { useSession } from "../../../session.tsx";

/** Pages for a signed-in citizen: anyone else goes to the sign-in page and comes back here after. */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status !== "citizen") {
    return <Redirect to={`${PORTAL_PATHS.signIn}?next=${encodeURIComponent(location.href)}`} />;
  }
  return <>{children}</>;
}

/** The signed-in citizen; only inside RequireCitizen. */
export function useCitizen() {
  const { state } = useSession();
  if (state.status !== "citizen") throw new Error("useCitizen outside RequireCitizen");
  return state.citizen;
}
