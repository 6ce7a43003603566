import { PORTAL_PATHS } from "../../../portal-paths.ts";
import { useLocation } from "../../../router.tsx";
import { PortalNotFound } from "../components/portal-not-found.tsx";
import { DossierDetailPage } from "./dossier-detail-page.tsx";
import { MyDossiersPage } from "./my-dossiers-page.tsx";
import { RatingPage } from "./rating-page.tsx";
import { SupplementPage } from "./supplement-page.tsx";

/** /portal/ho-so[/<id>[/bo-sung|/danh-gia]]: the citizen's dossiers. */
export function DossierPages() {
  const { pathname } = useLocation();
  if (pathname === PORTAL_PATHS.dossiers) return <MyDossiersPage />;
  const [id = "", sub] = pathname.slice(PORTAL_PATHS.dossiers.length + 1).split("/");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <PortalNotFound />;
  if (sub === undefined) return <DossierDetailPage key={id} id={id} />;
  if (sub === "bo-sung") return <SupplementPage key={id} id={id} />;
  if (sub === "danh-gia") return <RatingPage key={id} id={id} />;
  return <PortalNotFound />;
}
