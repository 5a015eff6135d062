// The worker thread of the kept-threads pool (test/helpers/kept-threads.ts), for `npm run mutate`
// only. It is vitest's own thread worker (vitest/dist/workers/threads.js) with two differences:
// after a "stop" it keeps listening, so the same thread can be started again for the next run with
// the modules it has already evaluated; and each "start" replaces the previous run's RPC listener
// rather than adding one more.
import { parentPort } from 'node:worker_threads';
import { init, runBaseTests, setupEnvironment } from 'vitest/worker';

let lifecycle;
let rpc;
parentPort.on('message', (message) => {
  lifecycle?.(message);
  rpc?.(message);
});

init({
  post: (response) => parentPort.postMessage(response),
  // The first listener is vitest's lifecycle (start, run, stop); every later one is the RPC of a run.
  on: (callback) => {
    if (lifecycle === undefined) lifecycle = callback;
    else rpc = callback;
  },
  off: (callback) => {
    if (callback === rpc) rpc = undefined;
  },
  teardown: () => {},
  runTests: (state, traces) => runBaseTests('run', state, traces),
  collectTests: (state, traces) => runBaseTests('collect', state, traces),
  setup: setupEnvironment,
});
