/** Expected values of the evaluation table as compact JSON text (BigInt written exactly). */
import { type OutputJson, stringifyJson } from '../../server/evaluator/json';

export function toOutput(value: unknown): OutputJson {
  if (typeof value === 'bigint' || value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return value;
  if (Array.isArray(value)) return value.map(toOutput);
  return Object.fromEntries(Object.entries(value as object).map(([k, item]) => [k, toOutput(item)]));
}

export function expectedJson(value: unknown): string {
  return stringifyJson(toOutput(value), 0);
}
