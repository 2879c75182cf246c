/** Reads facts from the zod schema at a data path: which keys a mapping allows, number bounds. */
import { z } from 'zod';
import type { PathSegment } from './raw-problem.js';

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 8; i++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else break;
  }
  return current;
}

/** The schema that describes the value at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(root);
  for (const segment of path) {
    if (current instanceof z.ZodObject && typeof segment === 'string') {
      const next: z.ZodType | undefined = (current.shape as Record<string, z.ZodType | undefined>)[
        segment
      ];
      current = next === undefined ? undefined : unwrap(next);
    } else if (current instanceof z.ZodArray && typeof segment === 'number') {
      current = unwrap(current.element as z.ZodType);
    } else if (current instanceof z.ZodRecord) {
      current = unwrap(current.valueType as z.ZodType);
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** Keys the mapping at `path` allows, in schema order (empty when it is not an object schema). */
export function allowedKeysAt(root: z.ZodType, path: readonly PathSegment[]): string[] {
  const schema = schemaAt(root, path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Inclusive bounds of the number at `path`, when the schema gives them. */
export function numberBoundsAt(
  root: z.ZodType,
  path: readonly PathSegment[],
): { min: number | null; max: number | null; int: boolean } | undefined {
  const schema = schemaAt(root, path);
  if (!(schema instanceof z.ZodNumber)) return undefined;
  return { min: schema.minValue, max: schema.maxValue, int: schema.isInt };
}
