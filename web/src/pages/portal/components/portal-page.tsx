import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "../../../i18n/index.tsx";
import { consumeInAppNavigation, Link } from "../../../router.tsx";

/**
 * One portal page: a narrow column (one question per page reads best at this width), an optional back link
 * above the heading, the heading that names the tab and takes the focus after an in-app page change.
 */
export function PortalPage({
  title,
  caption,
  back,
  wide,
  hideHeading,
  summary,
  children,
}: {
  title: string;
  caption?: string | undefined;
  back?: { to: string; text: string } | undefined;
  wide?: boolean;
  /** The page draws its own <h1> (a question as the heading, a confirmation panel). */
  hideHeading?: boolean;
  /** The error summary: first in the column, above the heading (GOV.UK). */
  summary?: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();

  useEffect(() => {
    if (!consumeInAppNavigation()) return;
    const target = ref.current ?? document.querySelector<HTMLElement>("main h1");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }, []);

  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);

  return (
    <div className={wide ? "container portal-page portal-wide" : "container portal-page"}>
      {back ? (
        <Link to={back.to} className="back-link">
          {back.text}
        </Link>
      ) : null}
      {summary}
      {hideHeading ? null : (
        <>
          {caption ? <span className="p-caption">{caption}</span> : null}
          <h1 ref={ref} tabIndex={-1} className="p-heading">
            {title}
          </h1>
        </>
      )}
      {children}
    </div>
  );
}
