import { holds, type Condition } from './condition';
import { TABLE_KEYS } from './table-definition';

/**
 * Builds one DynamoDB expression's placeholders: `#n0` for attribute names, `:v0` for values, each name
 * given one placeholder however often it is used.
 */
export class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private readonly nameOf = new Map<string, string>();
  private valueCount = 0;

  name(attribute: string): string {
    let placeholder = this.nameOf.get(attribute);
    if (placeholder === undefined) {
      placeholder = `#n${this.nameOf.size}`;
      this.nameOf.set(attribute, placeholder);
      this.names[placeholder] = attribute;
    }
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:v${this.valueCount}`;
    this.valueCount += 1;
    this.values[placeholder] = value;
    return placeholder;
  }

  /** The condition in DynamoDB's syntax. */
  condition(condition: Condition): string {
    switch (condition.op) {
      case 'all':
      case 'any':
        if (condition.conditions.length === 0) return condition.op === 'all' ? this.always(true) : this.always(false);
        return `(${condition.conditions.map((c) => this.condition(c)).join(condition.op === 'all' ? ' AND ' : ' OR ')})`;
      case 'exists':
        return `attribute_exists(${this.name(condition.attribute)})`;
      case 'absent':
        return `attribute_not_exists(${this.name(condition.attribute)})`;
      case 'equals':
        return `${this.name(condition.attribute)} = ${this.value(condition.value)}`;
      case 'notEquals':
        return `${this.name(condition.attribute)} <> ${this.value(condition.value)}`;
      case 'below':
        return `${this.name(condition.attribute)} < ${this.value(condition.value)}`;
      case 'above':
        return `${this.name(condition.attribute)} > ${this.value(condition.value)}`;
    }
  }

  /**
   * The condition as the port defines it: an expired item reads as absent. DynamoDB would evaluate the
   * expired item's attributes, so the expression says what the condition means for a missing item.
   */
  conditionHonouringExpiry(condition: Condition, nowSeconds: number): string {
    const expiry = this.name(TABLE_KEYS.ttlAttribute);
    const now = this.value(nowSeconds);
    return holds(condition, undefined)
      ? `(${expiry} <= ${now} OR ${this.condition(condition)})`
      : `((attribute_not_exists(${expiry}) OR ${expiry} > ${now}) AND ${this.condition(condition)})`;
  }

  /** Items that have not expired. */
  notExpired(nowSeconds: number): string {
    const expiry = this.name(TABLE_KEYS.ttlAttribute);
    return `(attribute_not_exists(${expiry}) OR ${expiry} > ${this.value(nowSeconds)})`;
  }

  private always(value: boolean): string {
    // DynamoDB has no literal true or false, and an expression must name an attribute.
    const key = this.name(TABLE_KEYS.partitionKey);
    return value ? `(attribute_exists(${key}) OR attribute_not_exists(${key}))` : `(attribute_exists(${key}) AND attribute_not_exists(${key}))`;
  }
}
