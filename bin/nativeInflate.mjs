// tiny-inflate, as fontkit, unicode-properties and linebreak load it (through unicode-trie), with zlib doing the work.
// Those packages inflate their Unicode tables when they are loaded, in tiny-inflate's JavaScript: ~30 ms of every
// cold start of the CLI. zlib's raw inflate gives the same bytes natively; anything it will not take (damaged data, an
// output longer than the buffer given) is left to tiny-inflate itself, so the result is always tiny-inflate's.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** Makes require('tiny-inflate') (as found from `root`) answer with zlib from now on; a no-op when it is not there. */
export function inflateNatively(root) {
  const require = createRequire(join(root, 'package.json'));
  let file;
  let tiny;
  try {
    file = require.resolve('tiny-inflate');
    tiny = require(file);
  } catch {
    return false;
  }
  const cached = require.cache[file];
  if (typeof tiny !== 'function' || !cached) return false;
  cached.exports = function inflate(source, dest) {
    let out;
    try {
      out = inflateRawSync(source);
    } catch {
      return tiny(source, dest);
    }
    if (out.length > dest.length) return tiny(source, dest);
    dest.set(out);
    // As tiny-inflate returns: the buffer given, or the part of it written.
    if (out.length === dest.length) return dest;
    return typeof dest.slice === 'function' ? dest.slice(0, out.length) : dest.subarray(0, out.length);
  };
  return true;
}
