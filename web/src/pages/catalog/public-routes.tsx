import { useLocation } from "../../router.tsx";
import { ProcedurePage } from "./procedure-page.tsx";
import { CatalogSearchPage } from "./search-page.tsx";

/** /thu-tuc is the catalog search; /thu-tuc/<slug or code> is one procedure's page. */
export function CatalogPublicPages() {
  const { pathname } = useLocation();
  const ref = pathname.startsWith("/thu-tuc/") ? decodeURIComponent(pathname.slice("/thu-tuc/".length)) : "";
  return ref ? <ProcedurePage slug={ref} /> : <CatalogSearchPage />;
}
