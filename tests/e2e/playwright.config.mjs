// End-to-end tests: the release build, served under a sub-path as a static
// host would, driven in Debian's headless Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

const port = 4173;
const root = process.env.E2E_ROOT ?? '../../target/e2e-root';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/dossier/`,
    locale: 'en-US',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ${root}`,
    url: `http://127.0.0.1:${port}/dossier/`,
    reuseExistingServer: false,
  },
});
