/**
 * A translucent colour that fades along a wall's height: the glowing side walls of the county
 * slabs (bright at the top edge) and the curtain above the border (bright at the bottom).
 * A Fabric material is plain GLSL compiled by WebGL, so it needs no 'unsafe-eval'.
 */
import { type Color, Material } from '@cesium/engine';

const source = /* glsl */ `
czm_material czm_getMaterial(czm_materialInput materialInput) {
  czm_material material = czm_getDefaultMaterial(materialInput);
  float t = clamp(materialInput.st.t, 0.0, 1.0);
  float ramp = fadeUpwards > 0.5 ? pow(1.0 - t, exponent) : pow(t, exponent);
  material.diffuse = color.rgb;
  material.emission = color.rgb * 0.6;
  material.alpha = color.a * max(ramp, minimumAlpha);
  return material;
}`;

export function createGradientMaterial(color: Color, options: { fadeUpwards: boolean; exponent?: number; minimumAlpha?: number }): Material {
  return new Material({
    fabric: {
      uniforms: {
        color,
        fadeUpwards: options.fadeUpwards ? 1 : 0,
        exponent: options.exponent ?? 1.5,
        minimumAlpha: options.minimumAlpha ?? 0.05,
      },
      source,
    },
    translucent: true,
  });
}
