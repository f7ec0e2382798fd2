// English plurals in message templates, ICU style: "{count, plural, one {# field} other {# fields}}".
// Chosen by Intl.PluralRules, so "1 field" and "2 fields"; Chinese templates have no plural forms and pass unchanged.
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

export function selectPlurals(template: string, params: Record<string, string | number>, locale: string): string {
  if (!template.includes(', plural, ')) return template;
  const rules = new Intl.PluralRules(locale);
  return template.replace(PLURAL, (m, name: string, one: string, other: string) => {
    if (!Object.hasOwn(params, name)) return m;
    const n = Number(params[name]);
    return (rules.select(n) === 'one' ? one : other).replace(/#/g, String(params[name]));
  });
}
