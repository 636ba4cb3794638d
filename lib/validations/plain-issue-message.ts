import type { z } from 'zod';

/** What a value of each expected type is called, for someone writing YAML or filling a form. */
const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
  record: 'a map of fields',
  date: 'a date',
  null: 'empty',
};

const formatNames: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  cidrv4: 'an IPv4 range like 10.0.0.0/8',
  cidrv6: 'an IPv6 range like fd00::/8',
  datetime: 'a date and time like 2025-01-31T12:00:00Z',
  date: 'a date like 2025-01-31',
  time: 'a time like 12:00:00',
  duration: 'a duration like PT1H',
  base64: 'base64 text',
  base64url: 'base64url text',
};

const listOf = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');
const plural = (n: number | bigint, one: string, many: string) => `${n} ${n === 1 || n === 1n ? one : many}`;

/**
 * zod's own wording ("Invalid option: expected one of…", "expected number, received NaN") in plain words, for any
 * issue a schema gave no message of its own. Passed as the `error` of a parse, it yields to the schema's messages.
 * Each message follows the field's path, as the API error details and the import list show them.
 */
export const plainIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      if (issue.input === null) return 'must not be empty';
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'must be a number';
      const name = typeNames[issue.expected];
      return name ? `must be ${name}` : 'has the wrong type';
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${String(issue.values[0])}` : `must be one of ${listOf(issue.values)}`;
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string') return Number(n) <= 1 ? 'must not be empty' : `must be at least ${plural(n, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at least ${plural(n, 'item', 'items')}`;
      return issue.inclusive === false ? `must be more than ${n}` : `must be at least ${n}`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string') return `must be at most ${plural(n, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must list at most ${plural(n, 'item', 'items')}`;
      return issue.inclusive === false ? `must be less than ${n}` : `must be at most ${n}`;
    }
    case 'invalid_format': {
      if (issue.format === 'starts_with' && 'prefix' in issue) return `must start with "${String(issue.prefix)}"`;
      if (issue.format === 'ends_with' && 'suffix' in issue) return `must end with "${String(issue.suffix)}"`;
      if (issue.format === 'includes' && 'includes' in issue) return `must include "${String(issue.includes)}"`;
      const name = formatNames[issue.format];
      return name ? `must be ${name}` : 'is not in the expected format';
    }
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? `has an unknown field ${issue.keys[0]}` : `has unknown fields ${listOf(issue.keys)}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options) && issue.options.length > 0) return `must be one of ${listOf(issue.options)}`;
      return 'matches none of the forms this field takes';
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'holds a value that is not allowed';
    default:
      return 'is not valid';
  }
};
