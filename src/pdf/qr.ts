import type { PDFPage } from "@libpdf/core";
import { rgb } from "@libpdf/core";
import QRCode from "qrcode";

/**
 * Draws a QR code as vector squares (no raster image): sharp at any print size and tiny in the file.
 * `x`, `y` are the lower-left corner; `size` the side including the quiet zone of four modules.
 */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  // Each row's runs of dark modules are rectangles of one path, filled once.
  const dark = page.drawPath();
  for (let row = 0; row < n; row++) {
    let runStart = -1;
    for (let col = 0; col <= n; col++) {
      const isDark = col < n && qr.modules.get(row, col) === 1;
      if (isDark && runStart < 0) runStart = col;
      if (!isDark && runStart >= 0) {
        dark.rectangle(
          x + (quiet + runStart) * cell,
          y + size - (quiet + row + 1) * cell,
          (col - runStart) * cell,
          cell,
        );
        runStart = -1;
      }
    }
  }
  dark.fill({ color: rgb(0, 0, 0) });
}
