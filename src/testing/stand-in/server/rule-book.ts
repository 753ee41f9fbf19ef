// Per-key answer rules that wear out after `times` uses (or last until cleared).

export class RuleBook<Rule extends { times?: number }> {
  readonly #rules = new Map<string, { rule: Rule; left: number }>();

  set(key: string, rule: Rule | null): void {
    if (rule === null) this.#rules.delete(key);
    else this.#rules.set(key, { rule, left: rule.times ?? Infinity });
  }

  /** The rule for `key`, if any, using up one of its answers. */
  take(key: string): Rule | undefined {
    const entry = this.#rules.get(key);
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.#rules.delete(key);
    return entry.rule;
  }

  clear(): void {
    this.#rules.clear();
  }
}
