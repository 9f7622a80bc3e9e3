// Trunk post-build hook: minify the JS glue that wasm-bindgen writes. Trunk's
// own minifier cannot parse it (it minifies the CSS and HTML), and the glue
// is a tenth of what the user downloads. Release builds only.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE === 'release' && dir) {
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const file = path.join(dir, name);
    const out = await minify(fs.readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
    fs.writeFileSync(file, out.code);
  }
}
