/**
 * Where Origin and Host are checked. A WebSocket upgrade must come from a page this host served
 * (cross-site WebSocket hijacking) and name this host by one of its own names or addresses (DNS rebinding).
 *
 * A host whose port was taken moves to the next free one; the pages phones opened on the port it
 * wanted (bookmarks, home-screen icons, tabs left open) find it there and bring their pairing over. So
 * their origins are its own too: its names, on the ports from the one it wanted up to the one it has.
 */
export class RequestGuard {
  constructor(
    /** Names and addresses this host answers to, lower case, IPv6 in brackets. */
    private readonly names: () => readonly string[],
    private readonly port: () => number,
    /** The port it was asked for (0: any, so it never moved). */
    private readonly wantedPort: () => number = () => 0,
  ) {}

  hostAllowed(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const parsed = parseHost(hostHeader);
    return parsed !== undefined && parsed.port === this.port() && this.names().includes(parsed.name);
  }

  originAllowed(origin: string | undefined): boolean {
    const url = httpOrigin(origin);
    return url !== undefined && (this.hostAllowed(url.host) || this.formerOrigin(url.host));
  }

  /** A page of this host from before it moved: one of its names, on a port it passed over for the one it has. */
  private formerOrigin(host: string): boolean {
    const parsed = parseHost(host);
    const wanted = this.wantedPort();
    return (
      parsed !== undefined &&
      wanted > 0 &&
      parsed.port >= wanted &&
      parsed.port < this.port() &&
      this.names().includes(parsed.name)
    );
  }

  /**
   * The origin of a page of this computer (one of its names, any port) asking from another port: the
   * same computer's pages may knock on each other (a host that moved), never another site's.
   */
  sameComputer(origin: string | undefined): boolean {
    const url = httpOrigin(origin);
    return url !== undefined && this.names().includes(url.hostname);
  }
}

/** An Origin header that is exactly an http origin, parsed; anything else (null, https, a path) is undefined. */
function httpOrigin(origin: string | undefined): URL | undefined {
  if (!origin) return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' && url.origin === origin.toLowerCase() ? url : undefined;
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
