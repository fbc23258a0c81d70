/**
 * The X display probe in an Electron utility process: a Node environment of Electron's own, so the app
 * never starts its executable as plain Node (the RunAsNode fuse stays off in the packaged app).
 */
import { tmpdir } from 'node:os';
import { utilityProcess } from 'electron';
import type { ProbeRunner } from '../host/input/display-probe.js';

export const utilityProbeRunner: ProbeRunner = (script, env) => {
  const child = utilityProcess.fork(script, [], {
    env,
    cwd: tmpdir(),
    stdio: 'pipe',
    serviceName: 'DeskRemote input probe',
  });
  // The probe prints nothing on stdout; drained anyway, so a full pipe could never stall it.
  child.stdout?.resume();
  return {
    stderr: child.stderr,
    kill: () => child.kill(),
    // A utility process reports its exit code only (a crash included): there is no signal to pass on.
    onExit: (listener) => child.once('exit', (code) => listener(code, null)),
    // fork() throws when it cannot start; a fatal error later is followed by 'exit', which reports it.
    onError: () => {},
  };
};
