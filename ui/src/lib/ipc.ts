// The one place that calls into Rust. Every command answers with its result
// or rejects with `{ code, message }` (ServiceError): that becomes a
// BackendError whose text is the message, already in the user's language.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { ErrorCode } from './bindings/ErrorCode';
import type { ServiceError } from './bindings/ServiceError';

export class BackendError extends Error {
  readonly code: ErrorCode | 'unknown';
  constructor(code: ErrorCode | 'unknown', message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
  // Screens show `String(e)`: the message alone, as the user should read it.
  toString(): string {
    return this.message;
  }
}

function isServiceError(e: unknown): e is ServiceError {
  return typeof e === 'object' && e !== null && typeof (e as ServiceError).code === 'string' && typeof (e as ServiceError).message === 'string';
}

/** Calls a command; rejects with a BackendError. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isServiceError(e)) throw new BackendError(e.code, e.message);
    throw new BackendError('unknown', String(e));
  }
}

/** A channel that hands each progress message to `onMessage`. */
export function progressChannel<P>(onMessage: (p: P) => void): Channel<P> {
  const channel = new Channel<P>();
  channel.onmessage = onMessage;
  return channel;
}
