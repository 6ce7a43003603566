import type { ReactNode } from "react";

/** The GOV.UK confirmation panel: the page's heading and the reference the citizen keeps. */
export function ConfirmationPanel({
  title,
  referenceLabel,
  reference,
}: {
  title: string;
  referenceLabel: string;
  reference: ReactNode;
}) {
  return (
    <div className="confirmation-panel" data-testid="confirmation-panel">
      <h1 className="confirmation-title" tabIndex={-1}>
        {title}
      </h1>
      <div className="confirmation-body">
        {referenceLabel}
        <br />
        <strong className="confirmation-reference" data-testid="confirmation-reference">
          {reference}
        </strong>
      </div>
    </div>
  );
}
