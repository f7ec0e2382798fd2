// A worker thread of host/workerPool.ts: the same handlers as the main thread (same data folder, templates and
// settings on disk), running the expensive channels one call at a time. Replies are envelopes; the file bytes in them
// move to the main thread (transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../core/api/dispatch.js';
import { failure, type Envelope } from '../core/api/envelope.js';
import { createHandlers, type HandlerDeps } from '../core/api/handlers.js';

export type WorkerCall = { id: number; channel: string; arg: unknown };
export type WorkerReply = { id: number; envelope: Envelope };

const port = parentPort;
if (!port) throw new Error('host/worker.ts runs as a worker thread of host/workerPool.ts');
const handlers = createHandlers(workerData as HandlerDeps);

/**
 * The reply with each Uint8Array copied into a buffer of its own, which is then transferred: the copy costs this
 * thread a memcpy, never the main thread; transferring the original could detach a buffer the worker still uses (a
 * pooled Buffer, a cached font or logo).
 */
function ownBytes(v: unknown, transfer: ArrayBuffer[]): unknown {
  if (v instanceof Uint8Array) {
    const own = new Uint8Array(v);
    transfer.push(own.buffer);
    return own;
  }
  if (!v || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => ownBytes(x, transfer));
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ownBytes(x, transfer)]));
}

port.on('message', async ({ id, channel, arg }: WorkerCall) => {
  const envelope = await dispatch(handlers, channel, arg);
  const transfer: ArrayBuffer[] = [];
  const reply: WorkerReply = { id, envelope: ownBytes(envelope, transfer) as Envelope };
  try {
    port.postMessage(reply, transfer);
  } catch (e) {
    // A value that cannot be cloned (a handler returned a function or a class instance): a bug, said as one.
    port.postMessage({
      id,
      envelope: failure('internal', `${channel}: ${e instanceof Error ? e.message : String(e)}`),
    });
  }
});

port.postMessage({ ready: true });
