// A project's stable id: new projects get a random one; a file or a recent entry from before ids existed gets one
// derived from what identifies it (the file's text, the entry's old key), so opening it twice gives the same id.
// Pure (no Node), so the settings store and the renderer can use it alike.
import type { Project } from '../model/project.js';

/** cyrb53: a fast 53-bit string hash; plenty to tell apart a handful of id-less files. */
function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The id an id-less project takes, from the text that identifies it. */
export const derivedProjectId = (seed: string) =>
  `p-${hash53(seed).toString(16).padStart(14, '0')}${hash53(seed, 1).toString(16).padStart(14, '0')}`;

/** The project with an id: its own, or one derived from `seed`. The id is then kept, and written on save. */
export function withProjectId(project: Project, seed: string): Project {
  return project.id ? project : { ...project, id: derivedProjectId(seed) };
}
