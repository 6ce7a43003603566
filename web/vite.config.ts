import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The staff workspace and public portal. Built into web/dist and served by the Fastify process
 * (src/http/web.ts), whose CSP allows only same-origin scripts and styles: nothing here may inline either.
 */
export default defineConfig({
  root,
  base: "/",
  plugins: [
    react(),
    // Brotli and gzip copies made once at build time at the highest levels, served as they are (src/http/web.ts),
    // index.html included however small it is; a copy not smaller than its file is not written.
    compression({
      include: /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|map)$/,
      algorithms: ["brotliCompress", "gzip"],
      threshold: 0,
      skipIfLargerOrEqual: true,
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    // Small SVGs may become data: URLs (img-src allows data:); fonts and scripts stay files.
    assetsInlineLimit: 2048,
    // .vite/manifest.json maps each entry to its chunks: bench/web-size.ts measures the first page's JavaScript.
    manifest: true,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/health": "http://127.0.0.1:3000",
    },
  },
});
