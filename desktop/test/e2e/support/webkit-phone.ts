/**
 * The phone in Safari's engine: WebKitGTK's MiniBrowser driven through WebKitWebDriver, a W3C WebDriver
 * server, with plain `fetch` to its HTTP API. Driver and browser run on the given X display and listen on
 * 127.0.0.1 only; the browser keeps its data in a private temporary directory.
 *
 * Needs `apt-get install -y webkit2gtk-driver xvfb` (MiniBrowser ships in libwebkit2gtk-4.1-0, which the
 * driver depends on).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

export interface WebKitPhoneOptions {
  /** X display for the browser, e.g. from `startXvfb()`. */
  display: string;
  /** Window size; MiniBrowser's toolbar keeps the window at least about 447 px wide. */
  width?: number;
  height?: number;
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const HOST = '127.0.0.1';
const COMMAND_TIMEOUT_MS = 20_000;
const SESSION_TIMEOUT_MS = 15_000;
const DRIVER_START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 3_000;
/**
 * Runs the driver ("$0" "$@") under a shell that leads the process group and kills all of it when the
 * driver exits, or when our end of its stdin closes: that happens however this process ends, SIGKILL
 * included, so not even a killed test run leaves a browser behind.
 */
const WATCHDOG = [
  'exec 3<&0',
  '"$0" "$@" </dev/null &',
  'driver=$!',
  '{ read -r _ <&3; kill -KILL 0; } &',
  'wait "$driver"',
  'echo "WebKitWebDriver exited with status $?" >&2',
  'kill -KILL 0',
].join('\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Drivers still running (process group → profile directory), cleaned up if this process exits without closing them. */
const live = new Map<number, string>();
process.once('exit', () => {
  for (const [pid, profileDir] of live) {
    killGroup(pid, 'SIGKILL');
    rmSync(profileDir, { recursive: true, force: true });
  }
});

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

/**
 * Whether anything in the group still runs. Zombies do not count: once their parent is gone they wait
 * for init to reap them, which can take a second, and they hold nothing.
 */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return true; // no procfs: trust kill(0)
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z') return true;
    } catch {
      // ended while we looked
    }
  }
  return false;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findDriver(): string {
  const fromEnv = process.env.WEBKIT_WEBDRIVER;
  if (fromEnv) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'WebKitWebDriver');
    if (dir && executable(candidate)) return candidate;
  }
  throw new Error("WebKitWebDriver not found: run 'apt-get install -y webkit2gtk-driver' or set WEBKIT_WEBDRIVER");
}

/**
 * MiniBrowser is not on PATH: Debian puts it in /usr/lib/<triplet>/webkit2gtk-4.1/, Fedora in
 * /usr/libexec/webkit2gtk-4.1/. The GTK 3 API flavours come first, the ones webkit2gtk-driver is built for.
 */
export function findMiniBrowser(): string {
  const fromEnv = process.env.WEBKIT_MINIBROWSER;
  if (fromEnv) return fromEnv;
  const roots = ['/usr/lib', '/usr/libexec', '/usr/lib64', '/usr/local/lib', '/usr/local/libexec'];
  const bases = roots.flatMap((root) => {
    let subdirs: string[] = [];
    try {
      subdirs = readdirSync(root).filter((name) => name.endsWith('-linux-gnu') || name.endsWith('-linux-musl'));
    } catch {
      // no such root
    }
    return [root, ...subdirs.map((name) => join(root, name))];
  });
  for (const flavour of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
    for (const base of bases) {
      const candidate = join(base, flavour, 'MiniBrowser');
      if (existsSync(candidate) && executable(candidate)) return candidate;
    }
  }
  throw new Error(
    "MiniBrowser not found under /usr/lib/*/webkit2gtk-4.1/: run 'apt-get install -y webkit2gtk-driver' (it ships in libwebkit2gtk-4.1-0) or set WEBKIT_MINIBROWSER",
  );
}

/** A port that was free a moment ago: listen on port 0, read it, close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port from the OS'))));
    });
  });
}

/** The last few KB a process printed, for error messages. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const add = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => text.trim();
}

interface WebDriverReply {
  value?: unknown;
}

interface WebDriverFailure {
  error?: string;
  message?: string;
}

export class WebKitPhone {
  private sessionId: string | undefined;
  private closing: Promise<void> | undefined;
  /** WebKitGTK version reported by the session, e.g. '2.50.6'. */
  browserVersion = '';

  /** Process group of the driver, MiniBrowser and WebKit's web and network processes. */
  get processGroup(): number | undefined {
    return this.driver.pid;
  }

  private constructor(
    private readonly driver: ChildProcess,
    private readonly base: string,
    private readonly profileDir: string,
    private readonly driverOutput: () => string,
  ) {}

  static async open(url: string, options: WebKitPhoneOptions): Promise<WebKitPhone> {
    const browser = findMiniBrowser();
    const phone = await WebKitPhone.startDriver(findDriver(), options.display);
    try {
      await phone.createSession(browser);
      await phone.command('POST', '/window/rect', { width: options.width ?? 412, height: options.height ?? 860 });
      await phone.navigate(url);
      return phone;
    } catch (error) {
      await phone.close();
      throw error;
    }
  }

  /** Starts WebKitWebDriver on a free loopback port; tries another port if that one was taken meanwhile. */
  private static async startDriver(binary: string, display: string): Promise<WebKitPhone> {
    const profileDir = await mkdtemp(join(tmpdir(), 'deskremote-webkit-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISPLAY: display,
      GDK_BACKEND: 'x11',
      // A private profile, and no session bus: nothing is autolaunched that would outlive the browser.
      HOME: profileDir,
      XDG_CONFIG_HOME: join(profileDir, 'config'),
      XDG_CACHE_HOME: join(profileDir, 'cache'),
      XDG_DATA_HOME: join(profileDir, 'data'),
      XDG_RUNTIME_DIR: join(profileDir, 'run'),
      DBUS_SESSION_BUS_ADDRESS: 'disabled:',
      NO_AT_BRIDGE: '1',
      // Shared across runs: rebuilding GStreamer's plugin registry in every fresh profile costs ~0.5 s.
      GST_REGISTRY: process.env.GST_REGISTRY ?? join(tmpdir(), `deskremote-webkit-gst-${process.getuid?.() ?? 0}.bin`),
    };
    delete env.WAYLAND_DISPLAY;
    await mkdir(join(profileDir, 'run'), { mode: 0o700 });
    let lastError: Error | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      // Its own process group, so that close() reaches MiniBrowser and its web and network processes too.
      const driver = spawn('/bin/sh', ['-c', WATCHDOG, binary, `--port=${port}`, `--host=${HOST}`], {
        env,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      driver.on('error', () => {}); // reported by waitReady()
      driver.stdin?.on('error', () => {});
      const output = tail(driver);
      const phone = new WebKitPhone(driver, `http://${HOST}:${port}`, profileDir, output);
      if (driver.pid !== undefined) live.set(driver.pid, profileDir);
      try {
        await phone.waitReady();
        return phone;
      } catch (error) {
        lastError = error as Error;
        await phone.stopDriver();
      }
    }
    await rm(profileDir, { recursive: true, force: true });
    throw lastError ?? new Error('WebKitWebDriver did not start');
  }

  private async waitReady(): Promise<void> {
    const spawnError = new Promise<never>((_, reject) => {
      this.driver.once('error', (error) => reject(new Error(`WebKitWebDriver could not start: ${error.message}`)));
    });
    spawnError.catch(() => {});
    const deadline = Date.now() + DRIVER_START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.driver.exitCode !== null || this.driver.signalCode !== null) {
        throw new Error(`WebKitWebDriver did not start: ${this.driverOutput()}`);
      }
      const ready = await Promise.race([
        fetch(`${this.base}/status`, { signal: AbortSignal.timeout(1_000) })
          .then(async (response) => ((await response.json()) as { value?: { ready?: boolean } }).value?.ready === true)
          .catch(() => false),
        spawnError,
      ]);
      if (ready) return;
      await sleep(50);
    }
    throw new Error(`WebKitWebDriver did not answer GET /status within ${DRIVER_START_TIMEOUT_MS} ms: ${this.driverOutput()}`);
  }

  private async createSession(binary: string): Promise<void> {
    const reply = (await this.request(
      'POST',
      '/session',
      {
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary, args: ['--automation'] },
            timeouts: { implicit: 0, pageLoad: COMMAND_TIMEOUT_MS - 2_000, script: COMMAND_TIMEOUT_MS - 2_000 },
          },
        },
      },
      SESSION_TIMEOUT_MS,
    )) as { sessionId?: string; capabilities?: { browserVersion?: string } };
    if (!reply?.sessionId) throw new Error(`WebDriver POST /session: no session id in ${JSON.stringify(reply)}`);
    this.sessionId = reply.sessionId;
    this.browserVersion = reply.capabilities?.browserVersion ?? '';
  }

  /** One WebDriver call; failures carry the driver's error code and message. */
  private async request(method: string, path: string, body?: unknown, timeoutMs = COMMAND_TIMEOUT_MS): Promise<unknown> {
    let response: Response;
    try {
      const init: RequestInit = { method, signal: AbortSignal.timeout(timeoutMs) };
      if (body !== undefined) {
        init.headers = { 'content-type': 'application/json; charset=utf-8' };
        init.body = JSON.stringify(body);
      }
      response = await fetch(`${this.base}${path}`, init);
    } catch (error) {
      const why = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message;
      const output = this.driverOutput();
      throw new Error(`WebDriver ${method} ${path}: ${why}${output ? `; driver and browser said: ${output}` : ''}`);
    }
    const text = await response.text();
    let reply: WebDriverReply;
    try {
      reply = JSON.parse(text) as WebDriverReply;
    } catch {
      throw new Error(`WebDriver ${method} ${path}: HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`);
    }
    if (!response.ok) {
      const failure = (reply.value ?? {}) as WebDriverFailure;
      throw new Error(
        `WebDriver ${method} ${path}: ${failure.error ?? `HTTP ${response.status}`}${failure.message ? `: ${failure.message}` : ''}`,
      );
    }
    return reply.value;
  }

  private command(method: string, path: string, body?: unknown): Promise<unknown> {
    if (!this.sessionId) return Promise.reject(new Error(`WebDriver ${method} ${path}: no session (closed?)`));
    return this.request(method, `/session/${this.sessionId}${path}`, body);
  }

  /**
   * Loads `url` and waits for its load event. When the page cannot be loaded, WebKitGTK still reports
   * success and shows its error text in an about:blank document; that is an error here.
   */
  async navigate(url: string): Promise<void> {
    await this.command('POST', '/url', { url });
    if (url === 'about:blank') return;
    const [href, text] = await this.evaluate<[string, string]>(
      "return [location.href, document.body ? document.body.textContent : ''];",
    );
    if (href === 'about:blank') {
      throw new Error(`WebDriver POST /url: ${url} did not load: ${text.trim() || 'the browser stayed on about:blank'}`);
    }
  }

  /**
   * Runs `script` in the page as a function body (WebDriver execute/sync): `return` the result, read
   * `arguments[0]`… for `args`. A returned promise is awaited.
   */
  async evaluate<T>(script: string, ...args: unknown[]): Promise<T> {
    return (await this.command('POST', '/execute/sync', { script, args })) as T;
  }

  /** Polls the JS expression `expression` until it is truthy; fails after `timeoutMs`. */
  async waitFor(expression: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        if (await this.evaluate<boolean>(`return !!(${expression});`)) return;
        lastError = undefined;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() >= deadline) {
        const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
        throw new Error(`waitFor: '${expression}' not truthy within ${timeoutMs} ms${reason}`);
      }
      await sleep(Math.min(50, Math.max(0, deadline - Date.now())));
    }
  }

  private async element(cssSelector: string): Promise<string> {
    try {
      const found = (await this.command('POST', '/element', { using: 'css selector', value: cssSelector })) as Record<
        string,
        string
      >;
      const id = found?.[ELEMENT];
      if (!id) throw new Error(`WebDriver POST /element: no element reference in ${JSON.stringify(found)}`);
      return id;
    } catch (error) {
      throw new Error(`${(error as Error).message} (selector '${cssSelector}')`);
    }
  }

  /** A real mouse click at the element's centre (scrolled into view first), as WebDriver does it. */
  async click(cssSelector: string): Promise<void> {
    await this.command('POST', `/element/${await this.element(cssSelector)}/click`, {});
  }

  /** Focuses the element and types `text` key by key (WebDriver element send keys); non-ASCII included. */
  async typeInto(cssSelector: string, text: string): Promise<void> {
    await this.command('POST', `/element/${await this.element(cssSelector)}/value`, { text });
  }

  /** PNG of the viewport, written to `path` (directories created) and returned. */
  async screenshot(path: string): Promise<Buffer> {
    const png = Buffer.from((await this.command('GET', '/screenshot')) as string, 'base64');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, png);
    return png;
  }

  userAgent(): Promise<string> {
    return this.evaluate<string>('return navigator.userAgent;');
  }

  /** Ends the session and kills driver, browser and its helper processes. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const sessionId = this.sessionId;
      this.sessionId = undefined;
      if (sessionId && this.driver.exitCode === null && this.driver.signalCode === null) {
        await this.request('DELETE', `/session/${sessionId}`, undefined, STOP_TIMEOUT_MS).catch(() => {});
      }
      await this.stopDriver();
      await rm(this.profileDir, { recursive: true, force: true });
    })();
    return this.closing;
  }

  /** SIGTERM to the whole process group, SIGKILL to whatever is left after a bounded wait. */
  private async stopDriver(): Promise<void> {
    const pid = this.driver.pid;
    if (pid === undefined) return;
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(25);
    killGroup(pid, 'SIGKILL');
    this.driver.stdin?.destroy();
    if (this.driver.exitCode === null && this.driver.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STOP_TIMEOUT_MS);
        this.driver.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    live.delete(pid);
  }
}
