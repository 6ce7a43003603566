/** The server's rule (auth/passwords.ts): at least 10 characters, with letters and digits. */
export const PASSWORD_MIN_LENGTH = 10;

export function isStrongPassword(password: string): boolean {
  return (
    password.length >= PASSWORD_MIN_LENGTH &&
    password.length <= 200 &&
    /\p{L}/u.test(password) &&
    /\p{N}/u.test(password)
  );
}

/** A temporary password to hand to a staff member: 14 characters, letters and digits, no look-alikes. */
export function temporaryPassword(): string {
  const letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = "23456789";
  const all = letters + digits;
  const random = new Uint32Array(14);
  crypto.getRandomValues(random);
  const chars = [...random].map((n, i) => {
    if (i === 0) return letters[n % letters.length];
    if (i === 1) return digits[n % digits.length];
    return all[n % all.length];
  });
  // Keep the guaranteed letter and digit, but not always in front.
  const shift = (random[2] ?? 0) % chars.length;
  return [...chars.slice(shift), ...chars.slice(0, shift)].join("");
}
