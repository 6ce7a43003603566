import type { ReactNode } from "react";
import { Link } from "../../../router.tsx";

export interface SummaryRow {
  key: string;
  label: ReactNode;
  value: ReactNode;
  /** Where to change the answer; the link names the row for screen readers. */
  change?: { to: string; text: string; hidden: string } | undefined;
}

/** The GOV.UK summary list: the "check your answers" rows, each with its change link. */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-row" key={row.key} data-row={row.key}>
          <dt className="summary-key">{row.label}</dt>
          <dd className="summary-value">{row.value}</dd>
          {row.change ? (
            <dd className="summary-actions">
              <Link to={row.change.to}>
                {row.change.text}
                <span className="visually-hidden"> {row.change.hidden}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
