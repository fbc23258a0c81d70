import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { policyAllowing } from '../../src/host/net/http-server.js';
import { inlineScriptHashes, loadStaticFiles } from '../../src/host/net/static-files.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("the page's own inline scripts", () => {
  it('are hashed as browsers hash them for the Content-Security-Policy (the CSP specification example)', () => {
    expect(inlineScriptHashes("<p><script>alert('Hello, world.');</script></p>")).toEqual([
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    ]);
  });

  it('leave scripts with a src alone, and allow exactly the inline ones and nothing else inline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskremote-static-'));
    dirs.push(dir);
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><script type="module" crossorigin src="/assets/index-1.js"></script><script>\nvar boot = 1;\n</script>`,
    );
    await writeFile(join(dir, 'app.js'), '<script>not html</script>');
    const files = await loadStaticFiles(dir);
    const index = files.get('/');
    expect(index?.inlineScripts).toHaveLength(1);
    expect(index?.inlineScripts).toEqual(inlineScriptHashes('<script>\nvar boot = 1;\n</script>'));
    expect(files.get('/app.js')?.inlineScripts).toEqual([]);
    const policy = policyAllowing(index?.inlineScripts ?? []);
    expect(policy).toContain(`script-src 'self' ${index?.inlineScripts[0]};`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policyAllowing([])).toContain("script-src 'self';");
  });
});
