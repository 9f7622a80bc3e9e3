// Minifies the JS glue that wasm-bindgen and wasm-split-cli write, in the
// staging folder and the folders in it (run by build-wasm.sh). Trunk's own
// minifier does the CSS and HTML. Release builds only.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE === 'release' && dir) {
  const names = fs.readdirSync(dir, { recursive: true }).filter((n) => n.endsWith('.js'));
  for (const name of names) {
    const file = path.join(dir, name);
    const out = await minify(fs.readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
    fs.writeFileSync(file, out.code);
  }
}
