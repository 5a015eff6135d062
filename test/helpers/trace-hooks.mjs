import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.THIDUA_TRACE) appendFileSync(process.env.THIDUA_TRACE, result.url + '\n');
  return result;
}
