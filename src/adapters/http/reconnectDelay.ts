/**
 * The backoff lives with the stream core now (stream/reconnectDelay.ts); the app's source
 * connector still imports it from here, and moves to the new path with its own next change.
 */
export { reconnectDelayMs } from '../stream/reconnectDelay';
