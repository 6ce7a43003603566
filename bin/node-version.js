// The oldest Node.js motcua runs on (package.json "engines"): older ones lack APIs the signing code needs
// (KeyObject.toCryptoKey) and would fail deep inside a request instead of at start.
export const MINIMUM_NODE = [22, 12];

/** A message for the operator when `version` (like process.versions.node) is too old, else null. */
export function nodeVersionProblem(version) {
  const [major = 0, minor = 0] = String(version).split(".").map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return [
    `motcua needs Node.js ${needMajor}.${needMinor} or newer; this is Node.js ${version}.`,
    `Cần Node.js ${needMajor}.${needMinor} trở lên; máy đang chạy Node.js ${version}.`,
    `Install it with: npm install -g --prefix "$HOME/node22" node@22  then put "$HOME/node22/bin" first on PATH.`,
  ].join("\n");
}
