// Minifies the JS that wasm-bindgen and wasm-split-cli write, in the folder
// given (build-wasm.sh runs it on release builds). Trunk's own minifier does
// the CSS and HTML, and cannot parse this JS.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
  const file = path.join(dir, name);
  const out = await minify(fs.readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
  fs.writeFileSync(file, out.code);
}
