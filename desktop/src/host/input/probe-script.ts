/**
 * Run by display-probe.ts in a throwaway process, never imported: loads nut-js and reads the pointer.
 * Exit 0: input can be injected here. Exit 3 with the reason on stderr: it cannot. libnut crashes the
 * process (a signal, or an odd exit code) when it cannot open the X display, which is why this runs apart.
 * A file of its own (not `node -e`) so the Electron app can start it with utilityProcess.fork, and so no
 * process needs ELECTRON_RUN_AS_NODE (the packaged app turns that fuse off).
 */
try {
  const nut = await import('@nut-tree-fork/nut-js');
  await nut.mouse.getPosition();
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(3);
}
