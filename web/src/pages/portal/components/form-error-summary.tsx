import { usePortalI18n } from "../portal-i18n.ts";
import { ErrorSummary, type FieldError } from "./error-summary.tsx";

/** The error summary with the portal's title ("Có lỗi cần sửa"). */
export function FormErrorSummary({ errors, version }: { errors: readonly FieldError[]; version: number }) {
  const { t } = usePortalI18n();
  return <ErrorSummary title={t("p.errorSummary")} errors={errors} version={version} />;
}
