/**
 * Draws a region scene description with Cesium primitives: one batched Primitive per kind of
 * geometry (county tops, walls, edges, border glow, border curtain), one LabelCollection and one
 * PointPrimitiveCollection. A handful of draw calls whatever the number of counties.
 */
import {
  Cartesian2,
  Cartesian3,
  ColorGeometryInstanceAttribute,
  DistanceDisplayCondition,
  GeometryInstance,
  HorizontalOrigin,
  LabelCollection,
  LabelStyle,
  Material,
  MaterialAppearance,
  NearFarScalar,
  PerInstanceColorAppearance,
  PointPrimitiveCollection,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineColorAppearance,
  PolylineGeometry,
  PolylineMaterialAppearance,
  Primitive,
  type Scene,
  VerticalOrigin,
  WallGeometry,
} from '@cesium/engine';
import type { LonLat } from '../domain/geometrySchemas';
import type { LabelDescription, RegionSceneDescription, SlabDescription } from '../layers/region/describeRegionScene';
import { createGradientMaterial } from './gradientMaterial';
import type { LabelDeclutter } from './live/labelDeclutter';
import { toCesiumColor } from './toCesiumColor';

export interface RegionSceneHandle {
  /** Counts per drawn layer, for diagnostics. */
  readonly counts: Record<string, number>;
  /**
   * Resolves true once every primitive has finished building in the workers and a frame has
   * shown it; false if the scene was destroyed first.
   */
  whenDrawn(): Promise<boolean>;
  destroy(): void;
}

const positionsAt = (ring: readonly LonLat[], heightMeters: number) =>
  Cartesian3.fromDegreesArrayHeights(ring.flatMap(([lon, lat]) => [lon, lat, heightMeters]));

function hierarchyOf(rings: readonly (readonly LonLat[])[]): PolygonHierarchy {
  const [outer, ...holes] = rings;
  return new PolygonHierarchy(
    Cartesian3.fromDegreesArray((outer ?? []).flat()),
    holes.map((hole) => new PolygonHierarchy(Cartesian3.fromDegreesArray(hole.flat()))),
  );
}

/*
 * Every region primitive is built synchronously (asynchronous: false): about 12,000 vertices take
 * tens of milliseconds on the main thread, while the worker route first loads Cesium's geometry
 * workers and their modules and, on a two-core wall PC, kept data-ready waiting for seconds.
 */

function slabTops(slabs: SlabDescription[]): Primitive {
  return new Primitive({
    // The region is never a pick target: clicks go through it to the live marks above it.
    allowPicking: false,
    asynchronous: false,
    geometryInstances: slabs.flatMap((slab) =>
      slab.polygons.map(
        (polygon, index) =>
          new GeometryInstance({
            id: `county:${slab.id}:${index}`,
            geometry: new PolygonGeometry({
              polygonHierarchy: hierarchyOf(polygon),
              height: slab.topHeightMeters,
              vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
            }),
            attributes: { color: ColorGeometryInstanceAttribute.fromColor(toCesiumColor(slab.fill)) },
          }),
      ),
    ),
    appearance: new PerInstanceColorAppearance({ flat: true, translucent: slabs.some((slab) => slab.fill.alpha < 1) }),
  });
}

/** Side walls share a gradient material, so slabs with the same wall colour go in one primitive. */
function slabWalls(slabs: SlabDescription[]): Primitive[] {
  const byColor = new Map<string, SlabDescription[]>();
  for (const slab of slabs) {
    const key = `${slab.wall.css}/${slab.wall.alpha}`;
    byColor.set(key, [...(byColor.get(key) ?? []), slab]);
  }
  return [...byColor.values()].map(
    (group) =>
      new Primitive({
        allowPicking: false,
        asynchronous: false,
        geometryInstances: group.flatMap((slab) =>
          slab.polygons.map(
            (polygon, index) =>
              new GeometryInstance({
                id: `county-wall:${slab.id}:${index}`,
                geometry: new WallGeometry({
                  positions: positionsAt(polygon[0]!, slab.topHeightMeters),
                  vertexFormat: MaterialAppearance.MaterialSupport.TEXTURED.vertexFormat,
                }),
              }),
          ),
        ),
        appearance: new MaterialAppearance({
          material: createGradientMaterial(toCesiumColor(group[0]!.wall), { fadeUpwards: false, exponent: 1.6, minimumAlpha: 0.08 }),
          translucent: true,
          faceForward: true,
          flat: true,
        }),
      }),
  );
}

function slabEdges(slabs: SlabDescription[]): Primitive {
  return new Primitive({
    allowPicking: false,
    asynchronous: false,
    geometryInstances: slabs.flatMap((slab) =>
      slab.polygons.map(
        (polygon, index) =>
          new GeometryInstance({
            id: `county-edge:${slab.id}:${index}`,
            geometry: new PolylineGeometry({
              positions: positionsAt(polygon[0]!, slab.topHeightMeters + 5),
              width: slab.role === 'focus' ? 2.5 : 1.5,
              vertexFormat: PolylineColorAppearance.VERTEX_FORMAT,
            }),
            attributes: { color: ColorGeometryInstanceAttribute.fromColor(toCesiumColor(slab.edge)) },
          }),
      ),
    ),
    appearance: new PolylineColorAppearance({ translucent: true }),
  });
}

function borderPrimitives(description: RegionSceneDescription): Primitive[] {
  return description.borders.flatMap((border) => {
    const color = toCesiumColor(border.color);
    const glow = new Primitive({
      allowPicking: false,
      asynchronous: false,
      geometryInstances: new GeometryInstance({
        id: `border:${border.id}`,
        geometry: new PolylineGeometry({
          positions: positionsAt(border.positions, border.heightMeters),
          width: border.widthPixels,
          vertexFormat: PolylineMaterialAppearance.VERTEX_FORMAT,
        }),
      }),
      appearance: new PolylineMaterialAppearance({
        material: Material.fromType(Material.PolylineGlowType, { color, glowPower: 0.22, taperPower: 1 }),
      }),
    });
    const curtain = new Primitive({
      allowPicking: false,
      asynchronous: false,
      geometryInstances: new GeometryInstance({
        id: `border-curtain:${border.id}`,
        geometry: new WallGeometry({
          positions: positionsAt(border.positions, border.curtainTopMeters),
          minimumHeights: border.positions.map(() => border.heightMeters),
          vertexFormat: MaterialAppearance.MaterialSupport.TEXTURED.vertexFormat,
        }),
      }),
      appearance: new MaterialAppearance({
        material: createGradientMaterial(color.withAlpha(0.75), { fadeUpwards: true, exponent: 2.2, minimumAlpha: 0 }),
        translucent: true,
        faceForward: true,
        flat: true,
      }),
    });
    return [glow, curtain];
  });
}

function addLabels(collection: LabelCollection, labels: LabelDescription[], outline: LabelDescription['color']): void {
  for (const label of labels) {
    collection.add({
      id: `label:${label.id}`,
      position: Cartesian3.fromDegrees(label.position[0], label.position[1], label.heightMeters),
      text: label.text,
      font: label.font,
      fillColor: toCesiumColor(label.color),
      outlineColor: toCesiumColor(outline),
      outlineWidth: 4,
      style: LabelStyle.FILL_AND_OUTLINE,
      horizontalOrigin: HorizontalOrigin.CENTER,
      verticalOrigin: VerticalOrigin.BOTTOM,
      pixelOffset: new Cartesian2(0, -label.liftPixels),
      // Labels float above the slabs and must never be hidden inside them.
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
      scaleByDistance: new NearFarScalar(40_000, 1.15, 600_000, 0.7),
      distanceDisplayCondition: label.maxRangeMeters === undefined ? undefined : new DistanceDisplayCondition(0, label.maxRangeMeters),
    });
  }
}

/**
 * The region's names outrank every live name: provinces, counties and the border always show
 * (they yield only to the HUD), towns before any station's name.
 */
const LABEL_PRIORITY: Record<LabelDescription['kind'], number> = { province: 110, county: 100, border: 90, town: 70, grid: 30 };

export function renderRegionScene(scene: Scene, description: RegionSceneDescription, declutter?: LabelDeclutter): RegionSceneHandle {
  const primitives: Primitive[] = [
    slabTops(description.slabs),
    ...slabWalls(description.slabs),
    slabEdges(description.slabs),
    ...borderPrimitives(description),
  ];
  for (const primitive of primitives) scene.primitives.add(primitive);

  const towns = new PointPrimitiveCollection();
  for (const town of description.towns) {
    towns.add({
      id: `town:${town.id}`,
      position: Cartesian3.fromDegrees(town.position[0], town.position[1], town.heightMeters),
      color: toCesiumColor(town.color),
      outlineColor: toCesiumColor(town.outline),
      outlineWidth: town.outlinePixels,
      pixelSize: town.sizePixels,
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
  }
  scene.primitives.add(towns);

  const labels = new LabelCollection();
  addLabels(labels, description.labels, description.labelOutline);
  scene.primitives.add(labels);
  const kindOf = new Map(description.labels.map((label) => [`label:${label.id}`, label.kind]));
  const priorityOf = (label: { id: unknown }) => LABEL_PRIORITY[kindOf.get(String(label.id)) ?? 'grid'];
  // County and town names are never hidden for an icon: they take a free side if there is one, and
  // where none is left they stay (the icon keeps the click, live/liveStage.ts).
  declutter?.addLabels(labels, priorityOf, (label) => priorityOf(label) >= LABEL_PRIORITY.town);
  scene.requestRender();

  const counts = {
    counties: description.slabs.length,
    borders: description.borders.length,
    towns: description.towns.length,
    labels: description.labels.length,
  };

  // In requestRenderMode nothing renders by itself, so keep asking for frames until the
  // worker-built geometry is in; the frame after that is the one that shows it.
  let settle: (drawn: boolean) => void = () => {};
  const drawn = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  let allReadySeen = false;
  const stopWatching = scene.postRender.addEventListener(() => {
    if (allReadySeen) {
      stopWatching();
      settle(true);
      return;
    }
    allReadySeen = primitives.every((primitive) => primitive.ready);
    scene.requestRender();
  });

  return {
    counts,
    whenDrawn: () => drawn,
    destroy() {
      stopWatching();
      settle(false);
      declutter?.remove(labels);
      for (const primitive of [...primitives, towns, labels]) scene.primitives.remove(primitive);
      scene.requestRender();
    },
  };
}
