// What a page makes the browser download: the JavaScript and CSS its HTML links (read from build/client,
// gzip at level 6, as the server's compression sends them), the HTML itself, and the loader data inlined
// into it. Measured once per page, from the probe's HTML.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { ClientSize } from "../results";

export function clientSize(target: string, html: string): ClientSize {
  const assets = new Set<string>();
  for (const match of html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.(?:js|css))"/g)) assets.add(match[1]);
  for (const match of html.matchAll(/(?:import|from)\s*["'](\/assets\/[^"']+\.js)["']/g)) assets.add(match[1]);
  const totals = { js: { files: 0, raw: 0, gzip: 0 }, css: { files: 0, raw: 0, gzip: 0 } };
  for (const asset of assets) {
    let content: Buffer;
    try {
      content = readFileSync(path.join("build/client", asset));
    } catch {
      continue;
    }
    const bucket = asset.endsWith(".css") ? totals.css : totals.js;
    bucket.files++;
    bucket.raw += content.length;
    bucket.gzip += gzipSync(content).length;
  }
  let data = 0;
  for (const match of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    if (match[1].includes("__remixContext")) data += Buffer.byteLength(match[1]);
  }
  return { target, ...totals, html: { raw: Buffer.byteLength(html), gzip: gzipSync(html).length }, data: { raw: data } };
}
