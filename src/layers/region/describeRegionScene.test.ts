import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionPack } from '../../domain/regionPack';
import { loadTestRegion } from '../../../tests/contract/loadTestRegion';
import { describeRegionScene } from './describeRegionScene';
import { blendOver, darkRegionTheme } from './regionTheme';

let pack: RegionPack;
// The generated default pack (public/regions/, made once by the unit project's set-up), read
// rather than built here: building it took this hook past its 10 s on a loaded machine.
beforeAll(() => {
  pack = loadTestRegion();
});

describe('describeRegionScene', () => {
  it('raises the focus counties above the dimmed context, in their province colours', () => {
    const scene = describeRegionScene(pack);
    const changshan = scene.slabs.find((s) => s.id === '330822')!;
    const yushan = scene.slabs.find((s) => s.id === '361123')!;
    const context = scene.slabs.filter((s) => s.role === 'context');
    expect(changshan.topHeightMeters).toBeGreaterThan(context[0]!.topHeightMeters);
    expect(changshan.edge.css).toBe('#2fb4ff');
    expect(yushan.edge.css).toBe('#ffb347');
    expect(context.every((s) => s.fill.alpha < 1 && s.edge.css === darkRegionTheme.context.edge.css)).toBe(true);
  });

  it('floats the border above the slabs so it is never buried in them', () => {
    const scene = describeRegionScene(pack);
    const border = scene.borders[0]!;
    expect(border.heightMeters).toBeGreaterThan(darkRegionTheme.focusTopHeightMeters);
    expect(border.curtainTopMeters).toBeGreaterThan(border.heightMeters);
    expect(border.positions).toBe(pack.borderLines[0]!.coordinates);
  });

  it('draws county tops opaque over the plain dark globe and translucent over imagery', () => {
    const overImagery = describeRegionScene(pack);
    const overDarkGlobe = describeRegionScene(pack, { opaqueTops: true });
    expect(overImagery.slabs.every((s) => s.fill.alpha < 1)).toBe(true);
    expect(overDarkGlobe.slabs.every((s) => s.fill.alpha === 1)).toBe(true);
  });

  it('writes labels in the chosen language and scales text and markers with the wall', () => {
    const zh = describeRegionScene(pack);
    const en = describeRegionScene(pack, { language: 'en', pixelScale: 2 });
    expect(zh.labels.find((l) => l.id === 'town-qiuchuan')!.text).toBe('球川镇');
    expect(en.labels.find((l) => l.id === 'town-qiuchuan')!.text).toBe('Qiuchuan');
    const fontPixels = (font: string) => Number(/ (\d+)px /.exec(font)![1]);
    const zhTown = zh.labels.find((l) => l.id === 'town-qiuchuan')!;
    const enTown = en.labels.find((l) => l.id === 'town-qiuchuan')!;
    expect(fontPixels(enTown.font)).toBe(2 * fontPixels(zhTown.font));
    expect(enTown.liftPixels).toBe(2 * zhTown.liftPixels);
    expect(en.towns[0]!.sizePixels).toBe(2 * zh.towns[0]!.sizePixels);
  });

  it('hides town names at far range and keeps province names always', () => {
    const scene = describeRegionScene(pack);
    expect(scene.labels.find((l) => l.kind === 'town')!.maxRangeMeters).toBeGreaterThan(0);
    expect(scene.labels.find((l) => l.kind === 'province')!.maxRangeMeters).toBeUndefined();
  });
});

describe('blendOver', () => {
  it('mixes a translucent colour into an opaque backdrop', () => {
    expect(blendOver({ css: '#ffffff', alpha: 0.5 }, '#000000')).toEqual({ css: '#808080', alpha: 1 });
    expect(blendOver({ css: '#ff0000', alpha: 1 }, '#00ff00')).toEqual({ css: '#ff0000', alpha: 1 });
    expect(blendOver({ css: '#ff0000', alpha: 0 }, '#00ff00')).toEqual({ css: '#00ff00', alpha: 1 });
  });
});
