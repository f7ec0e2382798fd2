// A template's runtime error in words a clause author can act on (the path written, not Handlebars' own message).
import Handlebars from 'handlebars';

export function describeTemplateError(e: unknown, source: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  const missing = /"([^"]+)" not defined/.exec(msg);
  if (missing) return `变量 ${missing[1]} 没有值（模板引用了它，但项目中未填写或条款未声明）`;
  if (e instanceof TypeError) {
    // Only when the path can be named; any other TypeError keeps its own message below.
    // Strict lookups on a context that is not there: `../../x` climbing past the outermost block reads x of undefined.
    const up = /^Cannot read properties of (?:undefined|null) \(reading '([^']+)'\)/.exec(msg);
    if (up) {
      const written = pathsIn(source).find((p) => p.depth > 0 && p.parts[0] === up[1]);
      if (written)
        return `模板引用了不存在的上层数据 ${up[1]}（写作 ${written.original}：../ 的层数多于外层的 {{#each}} 块，请检查 ../ 的层数）`;
    }
    // `a.b.c` where a.b is a plain value (a number, a text): strict lookup asks `'c' in 1`.
    const scalar = /^Cannot use 'in' operator to search for '([^']+)' in /.exec(msg);
    if (scalar) {
      const written = pathsIn(source).find((p) => p.parts.indexOf(scalar[1]!) > 0);
      const parent = written ? written.parts.slice(0, written.parts.indexOf(scalar[1]!)).join('.') : undefined;
      if (written && parent) return `模板引用了 ${written.original}，但 ${parent} 是一个值，没有下级字段 ${scalar[1]}`;
    }
  }
  return `模板错误：${msg.split('\n')[0]}`;
}

/** Every path a template writes ({{x}}, {{../x.y}}, {{#each ../../rows}}), in source order; none when it does not parse. */
function pathsIn(source: string): { original: string; parts: string[]; depth: number }[] {
  const out: { original: string; parts: string[]; depth: number }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; original?: string; parts?: string[]; depth?: number };
    if (n.type === 'PathExpression' && Array.isArray(n.parts))
      out.push({ original: n.original ?? n.parts.join('.'), parts: n.parts, depth: n.depth ?? 0 });
    for (const v of Object.values(node)) for (const child of Array.isArray(v) ? v : [v]) walk(child);
  };
  try {
    walk(Handlebars.parse(source));
  } catch {
    // a body that does not parse never reaches rendering
  }
  return out;
}
