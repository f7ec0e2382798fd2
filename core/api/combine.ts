// Joins the features' contracts (or their handlers) into the one API: each feature brings its own channels, and a
// channel name may belong to one feature only. Plain objects in, one object out; no imports, so every shell can use it.

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The channel names that more than one of the parts declares (never when there are none). */
export type Overlap<Parts extends readonly object[], Seen extends PropertyKey = never> = Parts extends readonly [
  infer Head extends object,
  ...infer Tail extends readonly object[],
]
  ? (keyof Head & Seen) | Overlap<Tail, Seen | keyof Head>
  : never;

/** The parts as one object; a name declared twice is refused (at compile time through Overlap, and here at load). */
export function combine<const Parts extends readonly object[]>(...parts: Parts): Intersection<Parts[number]> {
  const out: Record<string, unknown> = {};
  for (const part of parts)
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(out, name)) throw new Error(`two features declare the API channel "${name}"`);
      out[name] = value;
    }
  return out as Intersection<Parts[number]>;
}
