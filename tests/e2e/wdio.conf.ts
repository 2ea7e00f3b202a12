// End-to-end tests against the real app: the debug build of src-tauri, driven
// through tauri-driver and WebKitWebDriver (WebKitGTK), under xvfb-run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const application = path.join(root, 'target/debug/tebiki-app');

// Each worker (one per spec file) runs the app on a fresh data folder. The
// app inherits it through tauri-driver and WebKitWebDriver.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tebiki-e2e-'));
process.env.TEBIKI_DATA_DIR = dataDir;

function tauriDriverPath(): string {
  const cargoBin = path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver');
  return fs.existsSync(cargoBin) ? cargoBin : 'tauri-driver';
}

let tauriDriver: ChildProcess | undefined;

export const config: WebdriverIO.Config = {
  runner: 'local',
  specs: ['./specs/**/*.e2e.ts'],
  maxInstances: 1,
  hostname: '127.0.0.1',
  port: 4444,
  capabilities: [
    {
      // WebKitWebDriver speaks classic WebDriver only.
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application },
    } as WebdriverIO.Capabilities,
  ],
  logLevel: 'warn',
  reporters: ['spec'],
  framework: 'mocha',
  mochaOpts: { ui: 'bdd', timeout: 60_000 },
  waitforTimeout: 10_000,
  connectionRetryTimeout: 60_000,
  connectionRetryCount: 2,

  onPrepare() {
    if (!fs.existsSync(application)) {
      throw new Error(`${application} is missing: build it first (make e2e-build)`);
    }
  },
  beforeSession() {
    tauriDriver = spawn(tauriDriverPath(), [], { stdio: ['ignore', 'inherit', 'inherit'] });
  },
  afterSession() {
    tauriDriver?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
};
