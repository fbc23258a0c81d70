/**
 * What the approval prompt says about a phone: its model, system and browser, read from the
 * User-Agent of its WebSocket upgrade. A handful of patterns cover the phones people carry; a full
 * parser library would weigh far more than this prompt needs. The result is shown as text only.
 */
export interface DeviceDescription {
  model?: string;
  os?: string;
  browser?: string;
}

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/MicroMessenger\/([\d.]+)/, 'WeChat'],
  [/SamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
  [/HuaweiBrowser\/([\d.]+)/, 'Huawei Browser'],
  [/(?:MiuiBrowser|XiaoMi\/MiuiBrowser)\/([\d.]+)/, 'Xiaomi Browser'],
  [/MQQBrowser\/([\d.]+)/, 'QQ Browser'],
  [/UCBrowser\/([\d.]+)/, 'UC Browser'],
  [/(?:EdgA|EdgiOS|Edg)\/([\d.]+)/, 'Edge'],
  [/(?:OPR|OPT)\/([\d.]+)/, 'Opera'],
  [/(?:Firefox|FxiOS)\/([\d.]+)/, 'Firefox'],
  [/(?:CriOS|Chrome)\/([\d.]+)/, 'Chrome'],
  [/Version\/([\d.]+).*Safari\//, 'Safari'],
];

function clean(text: string, max = 40): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, max);
}

function majorVersion(version: string): string {
  return version.split('.')[0] ?? version;
}

function browserOf(ua: string): string | undefined {
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) return `${name} ${majorVersion(match[1] ?? '')}`.trim();
  }
  return undefined;
}

function systemOf(ua: string): { os?: string; model?: string } {
  const ios = /(iPhone|iPad|iPod).*? OS (\d+)[_.](\d+)/.exec(ua);
  if (ios) return { model: ios[1] ?? 'iPhone', os: `${ios[1] === 'iPad' ? 'iPadOS' : 'iOS'} ${ios[2]}.${ios[3]}` };
  const android = /Android (\d+(?:\.\d+)?)(?:;\s*([^;)]+?))?(?:\s+Build\/[^;)]*)?[;)]/.exec(ua);
  if (android) {
    // Chrome's reduced User-Agent says "K" instead of the model.
    const model = android[2] && android[2] !== 'K' && !/^wv$/.test(android[2]) ? clean(android[2]) : undefined;
    return { os: `Android ${android[1]}`, ...(model ? { model } : {}) };
  }
  // iPadOS asks for desktop sites and says Macintosh; touch support is not in the header.
  if (/Macintosh/.test(ua)) return { os: 'macOS' };
  if (/Windows NT/.test(ua)) return { os: 'Windows' };
  if (/CrOS/.test(ua)) return { os: 'ChromeOS' };
  if (/Linux/.test(ua)) return { os: 'Linux' };
  return {};
}

export function describeUserAgent(userAgent: string | undefined): DeviceDescription {
  const ua = (userAgent ?? '').slice(0, 512);
  const browser = browserOf(ua);
  return { ...systemOf(ua), ...(browser ? { browser } : {}) };
}
