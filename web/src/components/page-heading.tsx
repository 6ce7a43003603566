import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "../i18n/index.tsx";
import { consumeInAppNavigation } from "../router.tsx";

/**
 * The page's one <h1>. It names the browser tab and, after an in-app page change, takes the keyboard focus so
 * that screen reader users hear where they arrived.
 */
export function PageHeading({
  title,
  lead,
  actions,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();

  useEffect(() => {
    if (consumeInAppNavigation()) ref.current?.focus();
  }, []);

  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);

  return (
    <div className="page-heading">
      <div>
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p className="page-lead">{lead}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
