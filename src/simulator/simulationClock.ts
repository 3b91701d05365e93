/**
 * Maps wall-clock time to simulated time: `speed` times faster than real time, pausable.
 * Changing speed or pausing never makes simulated time jump or run backwards.
 */
export class SimulationClock {
  private anchorReal: number;
  private anchorSim: number;
  private currentSpeed: number;
  private isPaused = false;

  constructor(startSim: number, speed = 1, private readonly realNow: () => number = () => Date.now()) {
    this.anchorReal = realNow();
    this.anchorSim = startSim;
    this.currentSpeed = speed;
  }

  get speed(): number {
    return this.currentSpeed;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  now(): number {
    if (this.isPaused) return this.anchorSim;
    return this.anchorSim + (this.realNow() - this.anchorReal) * this.currentSpeed;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a positive number');
    this.rebase();
    this.currentSpeed = speed;
  }

  setPaused(paused: boolean): void {
    this.rebase();
    this.isPaused = paused;
  }

  private rebase(): void {
    this.anchorSim = this.now();
    this.anchorReal = this.realNow();
  }
}

/** Advances a simulator with a clock every `tickMs` of real time; returns the function that stops it. */
export function driveSimulation(simulator: { advanceTo(time: number): unknown }, clock: SimulationClock, tickMs = 100): () => void {
  const timer = setInterval(() => simulator.advanceTo(clock.now()), tickMs);
  return () => clearInterval(timer);
}
