// Registered with --import: records every module URL the program resolves into $THIDUA_TRACE.
import { register } from 'node:module';
register('./trace-hooks.mjs', import.meta.url);
