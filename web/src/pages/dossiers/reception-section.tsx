import type { ReactNode } from "react";

/** A numbered section heading of the reception form. */
export function SectionTitle({ id, no, children }: { id: string; no: number; children: ReactNode }) {
  return (
    <h2 id={id} className="dos-section-title">
      <span className="dos-step-no" aria-hidden="true">
        {no}
      </span>
      {children}
    </h2>
  );
}
