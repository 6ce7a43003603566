/**
 * PKCS#12 (RFC 7292) reading and writing with asn1js and node:crypto.
 *
 * Reads what OpenSSL 3, NSS, Windows and Java write: password MAC with SHA-1/SHA-2, PBES2 (PBKDF2 + AES or
 * 3DES) and the legacy pbeWithSHAAnd3-KeyTripleDES-CBC. RC2-encrypted parts (the OpenSSL 1.x / old Windows
 * default for certificates) need OpenSSL's legacy provider, which Node does not load: they are refused with
 * P12_UNSUPPORTED and a hint to export again. Writes the OpenSSL 3 default layout: PBES2/AES-256-CBC for the
 * key and the certificates, HMAC-SHA-256 integrity.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  type KeyObject,
  pbkdf2Sync,
  randomBytes,
} from "node:crypto";
import * as asn1js from "asn1js";
import { AppError } from "../errors.ts";
import {
  children,
  concatBytes,
  derOf,
  digest,
  equalBytes,
  type HashName,
  hashFromOid,
  hashOid,
  integerValue,
  isContextTag,
  OID,
  octets,
  oidValue,
  parseAsn1,
  toArrayBuffer,
} from "./asn1.ts";

export interface Pkcs12Bag<T> {
  value: T;
  localKeyId?: Uint8Array;
  friendlyName?: string;
}

export interface Pkcs12Contents {
  keys: Pkcs12Bag<KeyObject>[];
  certificates: Pkcs12Bag<Uint8Array>[];
}

const HASH_SIZES: Record<HashName, { u: number; v: number }> = {
  sha1: { u: 20, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
};

/** The password as PKCS#12 wants it for its own KDF: UTF-16BE with a two-byte terminator. */
function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const code = password.charCodeAt(i);
    out[i * 2] = code >> 8;
    out[i * 2 + 1] = code & 0xff;
  }
  return out;
}

/** OpenSSL before 1.1.0 widened each UTF-8 byte to a BMP character; files from that era need this form. */
function legacyBmpPassword(password: string): Uint8Array {
  const utf8 = Buffer.from(password, "utf8");
  const out = new Uint8Array(utf8.length * 2 + 2);
  for (let i = 0; i < utf8.length; i++) out[i * 2 + 1] = utf8[i];
  return out;
}

function repeatTo(source: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (source.length === 0) return out;
  for (let i = 0; i < length; i++) out[i] = source[i % source.length];
  return out;
}

/** RFC 7292 appendix B.2 key derivation (id 1 = key, 2 = IV, 3 = MAC key). */
export function pkcs12Kdf(
  hash: HashName,
  password: Uint8Array,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
): Uint8Array {
  const { u, v } = HASH_SIZES[hash];
  const d = new Uint8Array(v).fill(id);
  const s = repeatTo(salt, v * Math.ceil(salt.length / v));
  const p = repeatTo(password, v * Math.ceil(password.length / v));
  const i = concatBytes(s, p);
  const blocks = Math.ceil(length / u);
  const out = new Uint8Array(blocks * u);
  for (let block = 0; block < blocks; block++) {
    let a = digest(hash, d, i);
    for (let r = 1; r < iterations; r++) a = digest(hash, a);
    out.set(a, block * u);
    if (block === blocks - 1) break;
    const b = repeatTo(a, v);
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k] + b[k] + carry;
        i[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, length);
}

const PBES2_CIPHERS: Record<string, { name: string; keyLength: number }> = {
  [OID.aes128Cbc]: { name: "aes-128-cbc", keyLength: 16 },
  [OID.aes192Cbc]: { name: "aes-192-cbc", keyLength: 24 },
  [OID.aes256Cbc]: { name: "aes-256-cbc", keyLength: 32 },
  [OID.desEde3Cbc]: { name: "des-ede3-cbc", keyLength: 24 },
};

const PRF_HASHES: Record<string, HashName> = {
  [OID.hmacSha1]: "sha1",
  [OID.hmacSha256]: "sha256",
  [OID.hmacSha384]: "sha384",
  [OID.hmacSha512]: "sha512",
};

function unsupported(what: string): AppError {
  return new AppError("P12_UNSUPPORTED", { details: { algorithm: what } });
}

/** Decrypts an EncryptedContentInfo-style payload given its AlgorithmIdentifier. */
function decryptWithPassword(algorithm: asn1js.BaseBlock, data: Uint8Array, password: string): Uint8Array {
  const [oidNode, params] = children(algorithm);
  const oid = oidValue(oidNode);
  if (oid === OID.pbes2) {
    const [kdf, scheme] = children(params);
    const [kdfOid, kdfParams] = children(kdf);
    if (oidValue(kdfOid) !== OID.pbkdf2) throw unsupported(oidValue(kdfOid));
    const kdfFields = children(kdfParams);
    const salt = octets(kdfFields[0]);
    const iterations = integerValue(kdfFields[1]);
    const prfNode = kdfFields.find((f) => f instanceof asn1js.Sequence);
    const prf = prfNode ? PRF_HASHES[oidValue(children(prfNode)[0])] : "sha1";
    const [cipherOid, ivNode] = children(scheme);
    const cipher = PBES2_CIPHERS[oidValue(cipherOid)];
    if (!cipher || !prf) throw unsupported(oidValue(cipherOid));
    const key = pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, cipher.keyLength, prf);
    const decipher = createDecipheriv(cipher.name, key, octets(ivNode));
    return concatBytes(decipher.update(data), decipher.final());
  }
  if (oid === OID.pbeSha1TripleDes) {
    const [saltNode, iterNode] = children(params);
    const salt = octets(saltNode);
    const iterations = integerValue(iterNode);
    const pw = bmpPassword(password);
    const key = pkcs12Kdf("sha1", pw, salt, 1, iterations, 24);
    const iv = pkcs12Kdf("sha1", pw, salt, 2, iterations, 8);
    const decipher = createDecipheriv("des-ede3-cbc", key, iv);
    return concatBytes(decipher.update(data), decipher.final());
  }
  throw unsupported(oid);
}

function contentInfoParts(node: asn1js.BaseBlock): { type: string; content: asn1js.BaseBlock | undefined } {
  const [typeNode, explicit] = children(node);
  const content = explicit && isContextTag(explicit, 0) ? children(explicit)[0] : undefined;
  return { type: oidValue(typeNode), content };
}

function bagAttributes(attributes: asn1js.BaseBlock | undefined): {
  localKeyId?: Uint8Array;
  friendlyName?: string;
} {
  const result: { localKeyId?: Uint8Array; friendlyName?: string } = {};
  if (!attributes) return result;
  for (const attribute of children(attributes)) {
    const [typeNode, values] = children(attribute);
    const value = children(values)[0];
    const type = oidValue(typeNode);
    if (type === OID.localKeyId) result.localKeyId = octets(value);
    if (type === OID.friendlyName && value instanceof asn1js.BmpString)
      result.friendlyName = value.getValue();
  }
  return result;
}

function importKey(der: Uint8Array, password?: string): KeyObject {
  return createPrivateKey(
    password === undefined
      ? { key: Buffer.from(der), format: "der", type: "pkcs8" }
      : { key: Buffer.from(der), format: "der", type: "pkcs8", passphrase: password },
  );
}

function readSafeContents(bytes: Uint8Array, password: string, into: Pkcs12Contents): void {
  for (const bag of children(parseAsn1(bytes))) {
    const [idNode, valueWrapper, attributes] = children(bag);
    const id = oidValue(idNode);
    const value = valueWrapper ? children(valueWrapper)[0] : undefined;
    const meta = bagAttributes(attributes);
    if (!value) continue;
    if (id === OID.certBag) {
      const [certType, certValue] = children(value);
      if (oidValue(certType) === OID.x509CertificateBag) {
        into.certificates.push({ value: octets(children(certValue)[0]), ...meta });
      }
    } else if (id === OID.keyBag) {
      into.keys.push({ value: importKey(derOf(value)), ...meta });
    } else if (id === OID.pkcs8ShroudedKeyBag) {
      const encryption = oidValue(children(children(value)[0])[0]);
      if (encryption === OID.pbeSha1Rc2_40 || encryption === OID.pbeSha1Rc2_128)
        throw unsupported(encryption);
      try {
        into.keys.push({ value: importKey(derOf(value), password), ...meta });
      } catch (cause) {
        throw new AppError("WRONG_P12_PASSWORD", { cause });
      }
    }
  }
}

function verifyMac(macData: asn1js.BaseBlock, content: Uint8Array, password: string): boolean {
  const [digestInfo, saltNode, iterNode] = children(macData);
  const [algorithm, macNode] = children(digestInfo);
  const hash = hashFromOid(oidValue(children(algorithm)[0]));
  if (!hash) throw unsupported(oidValue(children(algorithm)[0]));
  const salt = octets(saltNode);
  const iterations = iterNode ? integerValue(iterNode) : 1;
  const expected = octets(macNode);
  for (const pw of [bmpPassword(password), legacyBmpPassword(password)]) {
    const key = pkcs12Kdf(hash, pw, salt, 3, iterations, HASH_SIZES[hash].u);
    const mac = new Uint8Array(createHmac(hash, key).update(content).digest());
    if (equalBytes(mac, expected)) return true;
  }
  return false;
}

/** Reads every key and certificate; wrong passwords raise WRONG_P12_PASSWORD, malformed files P12_INVALID. */
export function readPkcs12(bytes: Uint8Array, password: string): Pkcs12Contents {
  let pfx: asn1js.BaseBlock[];
  let authSafe: Uint8Array;
  try {
    pfx = children(parseAsn1(bytes, { allowTrailing: true }));
    if (integerValue(pfx[0]) !== 3) throw new Error("PFX version is not 3");
    const info = contentInfoParts(pfx[1]);
    if (info.type !== OID.data) throw new Error("Public-key integrity mode is not supported");
    authSafe = octets(info.content);
  } catch (cause) {
    throw new AppError("P12_INVALID", { cause });
  }
  const macData = pfx[2];
  if (macData && !verifyMac(macData, authSafe, password)) throw new AppError("WRONG_P12_PASSWORD");
  const contents: Pkcs12Contents = { keys: [], certificates: [] };
  try {
    for (const contentInfo of children(parseAsn1(authSafe))) {
      const { type, content } = contentInfoParts(contentInfo);
      if (type === OID.data) {
        readSafeContents(octets(content), password, contents);
      } else if (type === OID.encryptedData && content) {
        const [, encryptedContentInfo] = children(content);
        const [, algorithm, encrypted] = children(encryptedContentInfo);
        let plain: Uint8Array;
        try {
          plain = decryptWithPassword(algorithm, octets(encrypted), password);
        } catch (cause) {
          if (cause instanceof AppError) throw cause;
          throw new AppError(macData ? "P12_INVALID" : "WRONG_P12_PASSWORD", { cause });
        }
        readSafeContents(plain, password, contents);
      } else {
        throw unsupported(type);
      }
    }
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError("P12_INVALID", { cause });
  }
  return contents;
}

// ---------------------------------------------------------------------------------------------- writing

function seq(...value: asn1js.BaseBlock[]): asn1js.Sequence {
  return new asn1js.Sequence({ value });
}

function oid(value: string): asn1js.ObjectIdentifier {
  return new asn1js.ObjectIdentifier({ value });
}

function octetString(bytes: Uint8Array): asn1js.OctetString {
  return new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) });
}

function explicit0(inner: asn1js.BaseBlock): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [inner] });
}

function attribute(type: string, value: asn1js.BaseBlock): asn1js.Sequence {
  return seq(oid(type), new asn1js.Set({ value: [value] }));
}

function pbes2Encrypt(plain: Uint8Array, password: string, iterations: number): asn1js.Sequence {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, 32, "sha256");
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  const encrypted = concatBytes(cipher.update(plain), cipher.final());
  const algorithm = seq(
    oid(OID.pbes2),
    seq(
      seq(
        oid(OID.pbkdf2),
        seq(
          octetString(salt),
          new asn1js.Integer({ value: iterations }),
          seq(oid(OID.hmacSha256), new asn1js.Null()),
        ),
      ),
      seq(oid(OID.aes256Cbc), octetString(iv)),
    ),
  );
  const encryptedContentInfo = seq(
    oid(OID.data),
    algorithm,
    new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: toArrayBuffer(encrypted) }),
  );
  return seq(oid(OID.encryptedData), explicit0(seq(new asn1js.Integer({ value: 0 }), encryptedContentInfo)));
}

export interface WritePkcs12Options {
  privateKey: KeyObject;
  certificate: Uint8Array;
  chain?: Uint8Array[];
  password: string;
  friendlyName?: string;
  iterations?: number;
}

/** Writes a PKCS#12 file readable by OpenSSL 3, NSS (pk12util), Windows and browsers. */
export function writePkcs12(options: WritePkcs12Options): Uint8Array {
  const iterations = options.iterations ?? 2048;
  const localKeyId = digest("sha1", options.certificate);
  const leafAttributes = [attribute(OID.localKeyId, octetString(localKeyId))];
  if (options.friendlyName) {
    leafAttributes.unshift(
      attribute(OID.friendlyName, new asn1js.BmpString({ value: options.friendlyName })),
    );
  }
  const certBag = (der: Uint8Array, attrs: asn1js.Sequence[]) => {
    const value = seq(oid(OID.x509CertificateBag), explicit0(octetString(der)));
    const parts: asn1js.BaseBlock[] = [oid(OID.certBag), explicit0(value)];
    if (attrs.length > 0) parts.push(new asn1js.Set({ value: attrs }));
    return seq(...parts);
  };
  const certificates = seq(
    certBag(options.certificate, leafAttributes),
    ...(options.chain ?? []).map((der) => certBag(der, [])),
  );
  const encryptedKey = new Uint8Array(
    options.privateKey.export({
      format: "der",
      type: "pkcs8",
      cipher: "aes-256-cbc",
      passphrase: options.password,
    }),
  );
  const keyBag = seq(
    oid(OID.pkcs8ShroudedKeyBag),
    explicit0(parseAsn1(encryptedKey)),
    new asn1js.Set({ value: leafAttributes }),
  );
  const authenticatedSafe = derOf(
    seq(
      pbes2Encrypt(derOf(certificates), options.password, iterations),
      seq(oid(OID.data), explicit0(octetString(derOf(seq(keyBag))))),
    ),
  );
  const salt = randomBytes(16);
  const macKey = pkcs12Kdf("sha256", bmpPassword(options.password), salt, 3, iterations, 32);
  const mac = createHmac("sha256", macKey).update(authenticatedSafe).digest();
  const pfx = seq(
    new asn1js.Integer({ value: 3 }),
    seq(oid(OID.data), explicit0(octetString(authenticatedSafe))),
    seq(
      seq(seq(oid(hashOid("sha256")), new asn1js.Null()), octetString(mac)),
      octetString(salt),
      new asn1js.Integer({ value: iterations }),
    ),
  );
  return derOf(pfx);
}
