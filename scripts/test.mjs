#!/usr/bin/env node
// npm test: everything .ci/run checks. Installs what the tests need with apt-get where it can (as root on
// Debian or Ubuntu), or says exactly what to install; builds; lints; runs unit, integration and
// end-to-end tests; ends with one 'N passed, N failed' line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Xvfb: the desktop's display. Chromium: the phone and the desktop application. webkit2gtk-driver:
// Safari's engine (WebKitWebDriver and MiniBrowser). tcpdump: the eavesdropper's capture on loopback.
// fonts-noto-cjk: Chinese in the screenshots. python3-gi + gir1.2-gtk-3.0: the GTK text view that receives
// text. x11-xkb-utils: setxkbmap, for the German and French layouts. openbox: a window manager, so the
// focused window is known (slide profiles). mpv + mpv-mpris + dbus: a real media player on a private
// session bus. pipewire + wireplumber + pipewire-pulse + pulseaudio-utils: a real sound server and pactl.
// mutter + xdg-desktop-portal(-gnome) + at-spi2-core + python3-pyatspi: a real Wayland desktop with the
// RemoteDesktop portal, its dialog answered through the accessibility bus. xwayland + xclip: text outside the
// layout pasted through XWayland's clipboard; wl-clipboard: the same without XWayland. libreoffice-writer +
// python3-uno: LibreOffice Writer receiving typed text, read back through UNO; libreoffice-impress: a show
// DeskRemote follows through Impress's remote control; okular + poppler-utils: a PDF presentation followed
// over D-Bus, its pages rendered by pdftoppm (all installed without recommends).
const APT_PACKAGES = [
  'xvfb',
  'chromium',
  'webkit2gtk-driver',
  'tcpdump',
  'fonts-noto-cjk',
  'python3-gi',
  'gir1.2-gtk-3.0',
  'x11-xkb-utils',
  'openbox',
  'mpv',
  'mpv-mpris',
  'dbus',
  'dbus-daemon',
  'pipewire',
  'wireplumber',
  'pipewire-pulse',
  'pulseaudio-utils',
  'mutter',
  'xdg-desktop-portal',
  'xdg-desktop-portal-gnome',
  'at-spi2-core',
  'python3-pyatspi',
  'wl-clipboard',
  'xwayland',
  'xclip',
];
const NO_RECOMMENDS_PACKAGES = ['libreoffice-writer', 'libreoffice-impress', 'python3-uno', 'okular', 'poppler-utils'];
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** What is missing of the Wine setup, or undefined when it is all there. */
function wineSetupProblem() {
  const needed = [
    '.ci/.wine/ready',
    '.ci/.wine/node/bin/node.exe',
    '.ci/.wine/recorder.exe',
    '.ci/.wine/prefix/system.reg',
    'node_modules/@koromix/koffi-win32-x64/package.json',
    'node_modules/@img/sharp-win32-x64/package.json',
  ];
  const missing = needed.filter((path) => !existsSync(join(root, path)));
  return missing.length > 0 ? `The Wine setup is missing ${missing.join(', ')}` : undefined;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
function step(title) {
  console.log(`\n=== ${title}`);
}

step(
  'System packages (Xvfb, Chromium, WebKitWebDriver, tcpdump, CJK fonts, GTK for Python, setxkbmap, openbox, mpv, PipeWire, mutter and the portal)',
);
const missing = [
  ...(has('Xvfb') ? [] : ['xvfb']),
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(has('WebKitWebDriver') ? [] : ['webkit2gtk-driver']),
  ...(has('tcpdump') || existsSync('/usr/bin/tcpdump') ? [] : ['tcpdump']),
  ...(existsSync(CJK_FONT) ? [] : ['fonts-noto-cjk']),
  ...(existsSync('/usr/lib/python3/dist-packages/gi') ? [] : ['python3-gi']),
  ...(existsSync('/usr/lib/x86_64-linux-gnu/girepository-1.0/Gtk-3.0.typelib') ||
  existsSync('/usr/lib/aarch64-linux-gnu/girepository-1.0/Gtk-3.0.typelib')
    ? []
    : ['gir1.2-gtk-3.0']),
  ...(has('setxkbmap') ? [] : ['x11-xkb-utils']),
  ...(has('openbox') ? [] : ['openbox']),
  ...(has('mpv') ? [] : ['mpv']),
  ...(existsSync('/etc/mpv/scripts/mpris.so') || existsSync('/usr/lib/mpv-mpris/mpris.so') ? [] : ['mpv-mpris']),
  ...(has('dbus-run-session') && has('dbus-daemon') ? [] : ['dbus', 'dbus-daemon']),
  ...(has('pipewire') && has('wireplumber') && has('pipewire-pulse') ? [] : ['pipewire', 'wireplumber', 'pipewire-pulse']),
  ...(has('pactl') ? [] : ['pulseaudio-utils']),
  ...(has('mutter') && existsSync('/usr/libexec/xdg-desktop-portal-gnome') ? [] : ['mutter', 'xdg-desktop-portal-gnome']),
  ...(existsSync('/usr/lib/python3/dist-packages/pyatspi') ? [] : ['python3-pyatspi']),
  ...(has('wl-copy') ? [] : ['wl-clipboard']),
  ...(has('Xwayland') ? [] : ['xwayland']),
  ...(has('xclip') ? [] : ['xclip']),
  ...(has('soffice') && existsSync('/usr/lib/python3/dist-packages/uno.py') ? [] : NO_RECOMMENDS_PACKAGES),
];
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && has('apt-get')) {
    console.log(`Installing ${missing.join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (
      run('apt-get', ['update', '-qq'], { env }) !== 0 ||
      run('apt-get', ['install', '-y', '-qq', ...APT_PACKAGES], { env }) !== 0 ||
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...NO_RECOMMENDS_PACKAGES], { env }) !== 0
    ) {
      console.error(
        `apt-get could not install them: install ${[...APT_PACKAGES, ...NO_RECOMMENDS_PACKAGES].join(' ')}, then run npm test again.`,
      );
      process.exit(1);
    }
  } else {
    console.error(
      `Missing: ${missing.join(', ')}. Install with:\n  sudo apt-get install -y ${APT_PACKAGES.join(' ')}\n  sudo apt-get install -y --no-install-recommends ${NO_RECOMMENDS_PACKAGES.join(' ')}\n(or set CHROMIUM_PATH to a Chromium or Chrome binary)`,
    );
    process.exit(1);
  }
}
console.log('Xvfb, Chromium, WebKitWebDriver, tcpdump, CJK fonts, openbox, mpv and PipeWire are here.');

step('Build (tsc strict, project references; Vite)');
if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);

step('Type-check the tests (strict)');
if (run('npx', ['tsc', '-p', 'tsconfig.test.json']) !== 0) process.exit(1);

step('Lint and format (Biome)');
if (run('npx', ['biome', 'check', '.']) !== 0) process.exit(1);

step('Windows under Wine (scripts/wine-setup.sh: a few seconds once done)');
// The Windows suite (desktop/test/e2e/windows-*) runs the host as Windows code under Wine; it is never
// skipped. The setup is idempotent and quick once done, so every run makes sure of it (after npm ci, which
// removes the win32 prebuilts it lays into node_modules); it says itself what to install when it cannot.
if (run('bash', ['scripts/wine-setup.sh']) !== 0) process.exit(1);
const wineProblem = wineSetupProblem();
if (wineProblem) {
  console.error(`${wineProblem} after scripts/wine-setup.sh ran: see its output above.`);
  process.exit(1);
}
console.log(`Ready: ${readFileSync(join(root, '.ci/.wine/ready'), 'utf8').trim()}`);

step('Tests: unit, integration, end to end');
mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'vitest.json');
const status = run('npx', ['vitest', 'run', '--reporter=verbose', '--reporter=json', `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (results.numTotalTests === 0) process.exit(1);
}
process.exit(status);
