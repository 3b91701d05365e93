/**
 * Cross-province grid areas: one batched primitive of translucent polygons above the county slabs,
 * outlines and name labels. Their shading follows the open-event count: the colour of an area is
 * changed in place (a per-instance attribute); the geometry is rebuilt only if grids change shape.
 */
import {
  Cartesian3,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
  type Scene,
} from '@cesium/engine';
import type { GridArea } from '../../layers/live/describeGrid';
import { cachedColor } from './colorCache';
import { createLabelSink } from './labelSink';
import type { LiveStage } from './liveStage';
import { createLineSink } from './lineSink';
import { registerPickLayer } from './pickTargets';
import type { Animator } from './animator';

export class GridAreaRenderer {
  private fills: Primitive | undefined;
  private shape = '';
  private pendingColors = new Map<string, GridArea['fill']>();
  private readonly edges;
  private readonly labels;
  private visible = true;
  private areas = new Map<string, GridArea>();
  private readonly removePostRender: () => void;

  private readonly scene: Scene;

  constructor(
    private readonly stage: LiveStage,
    animator: Animator,
  ) {
    this.scene = stage.scene;
    this.edges = createLineSink(stage, 'grids', animator);
    this.labels = createLabelSink(stage, 'grids');
    // Colours can only be set on a primitive whose geometry the workers have finished.
    this.removePostRender = this.scene.postRender.addEventListener(() => this.applyPendingColors());
  }

  get count(): number {
    return this.areas.size;
  }

  update(areas: ReadonlyMap<string, GridArea>): void {
    this.areas = new Map(areas);
    const shape = JSON.stringify([...areas].map(([id, area]) => [id, area.rings]));
    if (shape !== this.shape) this.rebuild(shape);
    for (const [id, area] of areas) {
      this.pendingColors.set(id, area.fill);
      this.edges.upsert(id, { positions: area.rings[0] ?? [], color: area.edge, widthPixels: 1.5, style: 'solid' });
      this.labels.upsert(id, { position: area.label.position, text: area.label.text, font: area.label.font, color: area.edge, liftPixels: 0, maxRangeMeters: area.label.maxRangeMeters });
    }
    this.applyPendingColors();
    this.scene.requestRender();
  }

  private rebuild(shape: string): void {
    if (this.fills) this.stage.primitives.remove(this.fills);
    this.shape = shape;
    this.fills =
      this.areas.size === 0
        ? undefined
        : (this.stage.primitives.add(
            new Primitive({
              geometryInstances: [...this.areas].map(
                ([id, area]) =>
                  new GeometryInstance({
                    id,
                    geometry: new PolygonGeometry({
                      polygonHierarchy: new PolygonHierarchy(area.rings[0]!.map(([lon, lat]) => Cartesian3.fromDegrees(lon, lat))),
                      height: area.rings[0]![0]![2],
                      vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
                    }),
                    attributes: { color: ColorGeometryInstanceAttribute.fromColor(cachedColor(area.fill)) },
                  }),
              ),
              appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
              // Kept so colours can change in place.
              releaseGeometryInstances: false,
            }),
          ) as Primitive);
    if (this.fills) {
      registerPickLayer(this.fills, 'grids');
      this.fills.show = this.visible;
    }
  }

  private applyPendingColors(): void {
    if (!this.fills?.ready || this.pendingColors.size === 0) return;
    for (const [id, fill] of this.pendingColors) {
      const attributes = this.fills.getGeometryInstanceAttributes(id);
      if (attributes) attributes.color = ColorGeometryInstanceAttribute.toValue(cachedColor(fill), attributes.color);
    }
    this.pendingColors.clear();
    this.scene.requestRender();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (this.fills) this.fills.show = visible;
    this.edges.setVisible(visible);
    this.labels.setVisible(visible);
  }

  destroy(): void {
    this.removePostRender();
    if (this.fills) this.stage.primitives.remove(this.fills);
    this.edges.destroy();
    this.labels.destroy();
  }
}
