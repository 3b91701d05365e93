/**
 * How a transport's connection ends in failure: thrown inside the stream core (a connection is a
 * promise that rejects), turned back into a failure value in the stream status before anything
 * leaves the adapter.
 */
import type { Failure } from '../contract';

export class StreamFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
    this.name = 'StreamFailure';
  }
}
