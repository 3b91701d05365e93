/**
 * The few things on the globe that move by themselves: pulsing markers (a new high-severity
 * alert, a checkpoint intercepting) and the band flowing along open assistance arcs. Frames are
 * requested only while something moves, at most 30 a second: a quiet wall renders nothing.
 */
import type { Billboard, Material, PointPrimitive, Scene } from '@cesium/engine';

const FRAME_INTERVAL_MS = 1000 / 30;

export class Animator {
  private readonly points = new Map<PointPrimitive, number>();
  private readonly billboards = new Set<Billboard>();
  private readonly flows = new Set<Material>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly removePreRender: () => void;

  constructor(private readonly scene: Scene) {
    this.removePreRender = scene.preRender.addEventListener(() => this.animate(performance.now()));
  }

  get active(): boolean {
    return this.points.size + this.billboards.size + this.flows.size > 0;
  }

  pulsePoint(point: PointPrimitive, baseSizePixels: number, on: boolean): void {
    if (on) this.points.set(point, baseSizePixels);
    else if (this.points.delete(point)) point.pixelSize = baseSizePixels;
    this.schedule();
  }

  pulseBillboard(billboard: Billboard, on: boolean): void {
    if (on) this.billboards.add(billboard);
    else if (this.billboards.delete(billboard)) billboard.scale = 1;
    this.schedule();
  }

  flow(material: Material, on: boolean): void {
    if (on) this.flows.add(material);
    else this.flows.delete(material);
    this.schedule();
  }

  private animate(nowMs: number): void {
    const phase = (nowMs % 1200) / 1200;
    const swell = 1 + 0.6 * Math.sin(phase * Math.PI);
    for (const [point, base] of this.points) point.pixelSize = base * swell;
    for (const billboard of this.billboards) billboard.scale = 1 + 0.35 * Math.sin(phase * Math.PI);
    for (const material of this.flows) material.uniforms.time = (nowMs / 1000) % 1000;
  }

  private schedule(): void {
    if (this.timer !== undefined || !this.active) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.scene.isDestroyed()) return;
      this.scene.requestRender();
      this.schedule();
    }, FRAME_INTERVAL_MS);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.removePreRender();
    this.points.clear();
    this.billboards.clear();
    this.flows.clear();
  }
}
