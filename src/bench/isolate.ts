// Runs worker.js in a fresh node process for one system and returns what it measured.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SystemMeasurement, WorkerMessage, WorkerRequest } from './protocol.js';

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

export function measureInChild(req: WorkerRequest, onProgress?: (text: string) => void): Promise<SystemMeasurement> {
  return new Promise((resolve, reject) => {
    // Our own execArgv, not the parent's: flags such as --inspect or a test runner's must not change the figures.
    const child = fork(WORKER, [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let result: SystemMeasurement | undefined;
    let failure: Extract<WorkerMessage, { kind: 'error' }> | undefined;
    child.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress?.(message.text);
      else if (message.kind === 'result') result = message.result;
      else failure = message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) return resolve(result);
      const error = new Error(`bench worker for ${req.system} ${failure ? `failed: ${failure.message}` : `exited (${signal ?? `code ${code}`}) without a result`}`);
      // The worker's own stack, for TRAWL_DEBUG: the parent's would only show this callback.
      if (failure?.stack) error.stack = `${error.message}\n--- in the worker:\n${failure.stack}`;
      reject(error);
    });
    child.send(req);
  });
}
