// Removes this process's lock claims when it is interrupted (Ctrl+C, SIGTERM) or exits, so a stopped CLI save never
// leaves a lock behind. Synchronous on purpose: nothing asynchronous runs after a signal handler decides to exit.
import { unlinkSync } from 'node:fs';

const held = new Set<string>();
let installed = false;

function releaseAll(): void {
  for (const path of held) {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
  held.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  releaseAll();
  process.off(signal, onSignal);
  // With no other handler left, the default action would have ended the process: end it the same way.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

export function releaseOnExit(path: string): void {
  held.add(path);
  if (installed) return;
  installed = true;
  process.on('exit', releaseAll);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
}

export function forgetOnExit(path: string): void {
  held.delete(path);
}
