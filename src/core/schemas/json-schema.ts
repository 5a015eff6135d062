/** JSON Schema text for one record kind, generated from its zod schema. */
import { z } from 'zod';
import type { RecordKind } from './index.js';

export function jsonSchemaText(kind: RecordKind): string {
  const schema = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const doc = { $id: `${kind.name}.schema.json`, title: `thidua ${kind.name} (${kind.glob})`, ...schema };
  return JSON.stringify(doc, null, 2) + '\n';
}
