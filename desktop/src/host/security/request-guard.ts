/**
 * Where Origin and Host are checked. A WebSocket upgrade must come from a page this host served
 * (cross-site WebSocket hijacking) and name this host by one of its own names or addresses (DNS rebinding).
 */
export class RequestGuard {
  constructor(
    /** Names and addresses this host answers to, lower case, IPv6 in brackets. */
    private readonly names: () => readonly string[],
    private readonly port: () => number,
  ) {}

  hostAllowed(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const parsed = parseHost(hostHeader);
    return parsed !== undefined && parsed.port === this.port() && this.names().includes(parsed.name);
  }

  originAllowed(origin: string | undefined): boolean {
    if (!origin) return false;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' || url.origin !== origin.toLowerCase()) return false;
    return this.hostAllowed(url.host);
  }
}

function parseHost(value: string): { name: string; port: number } | undefined {
  let url: URL;
  try {
    url = new URL(`http://${value}`);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || `${url.host}` !== value.toLowerCase()) {
    return undefined;
  }
  return { name: url.hostname, port: url.port === '' ? 80 : Number(url.port) };
}
