/**
 * OCR of incoming documents, off the request path: a background pass claims pending documents with
 * `claimLeased` (src/db/job-lease.ts: one UPDATE over a batch picked with FOR UPDATE SKIP LOCKED) (attempt counted, lease set, so several processes share
 * the work and a crashed pass is retried after its lease), reads the text, and fills the search index.
 * Electronic PDFs give their text through poppler's pdftotext; scans are rasterised (pdftoppm, 300 dpi) and read
 * by Debian's tesseract with the Vietnamese model (tesseract-ocr-vie), each a child process with a time limit.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { Db } from "../../db/database.ts";
import { claimLeased, type PassTiming, periodicPass, withLease } from "../../db/job-lease.ts";

const run = promisify(execFile);

export const OCR_LIMITS = {
  attempts: 3,
  leaseSeconds: 10 * 60,
  commandMs: 120_000,
  pages: 20,
  /** An electronic PDF with at least this much text is not OCR'd. */
  textLayerChars: 40,
} as const;

async function inTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "motcua-ocr-"));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function tesseract(image: string): Promise<string> {
  const { stdout } = await run("tesseract", [image, "stdout", "-l", "vie", "--psm", "3"], {
    timeout: OCR_LIMITS.commandMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** The text of a PDF or an image (PNG, JPEG). */
export async function extractText(bytes: Uint8Array, mime: string): Promise<string> {
  return inTempDir(async (dir) => {
    if (mime === "application/pdf") {
      const pdf = join(dir, "in.pdf");
      await writeFile(pdf, bytes);
      const layer = await run("pdftotext", ["-l", String(OCR_LIMITS.pages), pdf, "-"], {
        timeout: OCR_LIMITS.commandMs,
        maxBuffer: 16 * 1024 * 1024,
      }).then(
        (r) => r.stdout,
        () => "",
      );
      if (layer.replace(/\s+/g, "").length >= OCR_LIMITS.textLayerChars) return layer;
      await run(
        "pdftoppm",
        ["-r", "300", "-gray", "-png", "-l", String(OCR_LIMITS.pages), pdf, join(dir, "page")],
        {
          timeout: OCR_LIMITS.commandMs,
        },
      );
      const pages = (await readdir(dir)).filter((f) => f.startsWith("page")).sort();
      const texts: string[] = [];
      for (const page of pages) texts.push(await tesseract(join(dir, page)));
      return texts.join("\n");
    }
    const image = join(dir, mime === "image/png" ? "in.png" : "in.jpg");
    await writeFile(image, bytes);
    return tesseract(image);
  });
}

interface Claimed {
  id: string;
  current_file_id: string | null;
  ocr_attempts: number;
}

/** Claims up to `limit` documents due for OCR (pending, or running with an expired lease). */
const OCR_QUEUE = {
  table: "documents",
  status: "ocr_status",
  attempts: "ocr_attempts",
  leaseUntil: "ocr_lease_until",
  orderBy: "created_at",
  returning: ["id", "current_file_id", "ocr_attempts"],
  maxAttempts: OCR_LIMITS.attempts,
  leaseSeconds: OCR_LIMITS.leaseSeconds,
  giveUp: { error: "ocr_error" },
} as const;

export function claimOcrJobs(db: Db, now: Date, limit: number, leaseSeconds?: number): Promise<Claimed[]> {
  return claimLeased<Claimed>(db, withLease(OCR_QUEUE, leaseSeconds), now, limit);
}

/** One pass: claim, read each document's file outside any transaction, store the text. Returns how many were done. */
export async function runOcrPass(
  deps: { db: Db; files: FileStore },
  now: Date,
  limit = 4,
  extract: typeof extractText = extractText,
  leaseSeconds?: number,
): Promise<{ done: number; failed: number }> {
  const jobs = await claimOcrJobs(deps.db, now, limit, leaseSeconds);
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    try {
      const file = await deps.db
        .selectFrom("files")
        .select(["sha256", "mime"])
        .where("id", "=", job.current_file_id ?? "")
        .executeTakeFirstOrThrow();
      const text = (await extract(await deps.files.get(file.sha256), file.mime))
        .normalize("NFC")
        .slice(0, 200_000);
      await deps.db
        .updateTable("documents")
        .set({ ocr_status: "done", ocr_text: text, ocr_lease_until: null, ocr_error: null })
        .where("id", "=", job.id)
        .where("ocr_status", "=", "running")
        .where("ocr_attempts", "=", job.ocr_attempts)
        .execute();
      done++;
    } catch (error) {
      failed++;
      const last = job.ocr_attempts >= OCR_LIMITS.attempts;
      await deps.db
        .updateTable("documents")
        .set({
          ocr_status: last ? "failed" : "pending",
          ocr_lease_until: null,
          ocr_error: String(error instanceof Error ? error.message : error).slice(0, 500),
        })
        .where("id", "=", job.id)
        // Still this pass's claim: a job another pass took over and finished is not sent back to pending.
        .where("ocr_status", "=", "running")
        .where("ocr_attempts", "=", job.ocr_attempts)
        .execute();
    }
  }
  return { done, failed };
}

/** Runs passes every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function ocrWorker(
  deps: { db: Db; files: FileStore },
  clock: () => Date,
  onError: (error: unknown) => void,
  timing: PassTiming = {},
) {
  return periodicPass(
    () => runOcrPass(deps, clock(), 4, extractText, timing.leaseSeconds),
    onError,
    timing.intervalMs ?? 15_000,
  );
}
