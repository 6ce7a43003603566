import type { ReactNode } from "react";

/** A message box. "error" is announced at once (role=alert); the others politely (role=status). */
export function Alert({
  kind,
  title,
  children,
}: {
  kind: "error" | "success" | "info" | "warning";
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children ? <div className="alert-body">{children}</div> : null}
    </div>
  );
}
