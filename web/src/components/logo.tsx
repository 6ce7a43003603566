/** The product mark: a gold star on a red disc, the colours of public administration. */
export function Logo({ size = 40 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill="#c8282e" stroke="#f6c945" strokeWidth="2.5" />
      <path
        fill="#f6c945"
        d="M32 12l5.3 16.3H54l-13.9 10.1 5.3 16.3L32 44.6 18.1 54.7l5.3-16.3L9.5 28.3h16.7z"
      />
    </svg>
  );
}
