import { describe, expect, it } from "vitest";
import { isWebPage, STAFF_PAGE_PATHS } from "../../src/contracts/web-pages.ts";
import { dossierPath, filingPath, PORTAL_PATHS, procedurePath } from "../../web/src/portal-paths.ts";
import { STAFF_ROUTES } from "../../web/src/routes.tsx";

describe("the pages the server knows (HTTP 404 for the others)", () => {
  it("lists every page of the officers' workspace", () => {
    expect([...STAFF_PAGE_PATHS].sort()).toEqual(STAFF_ROUTES.map((r) => r.path).sort());
  });

  it("knows every portal page and its variable addresses", () => {
    for (const path of Object.values(PORTAL_PATHS).filter(
      (p) => p !== PORTAL_PATHS.procedure && p !== PORTAL_PATHS.file,
    )) {
      expect(isWebPage(path), path).toBe(true);
    }
    const id = "7f7e0c43-3b8e-4d59-9a43-2f1f4b1b2c3d";
    for (const path of [
      procedurePath("dang-ky-khai-sinh"),
      dossierPath(id),
      dossierPath(id, "bo-sung"),
      filingPath(id, { page: 2 }),
      filingPath(id, "kiem-tra"),
      "/thu-tuc/1.001193",
      "/phan-anh-kien-nghi",
      "/phan-anh-kien-nghi/ket-qua",
      "/mot-cua",
      "/quay/lay-so",
      "/quay/man-hinh",
      "/quay/danh-gia",
      "/",
    ]) {
      expect(isWebPage(path), path).toBe(true);
    }
  });

  it("does not know pages the app does not have (issue 23: /thong-ke)", () => {
    for (const path of [
      "/thong-ke",
      "/phan-anh-kien-nghi/khong-co",
      "/app/khong-co",
      "/portal/ho-so/x/y/z",
      "/thu-tuc/a/b",
    ]) {
      expect(isWebPage(path), path).toBe(false);
    }
  });
});
