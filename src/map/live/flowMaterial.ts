/**
 * A band of light running along a line, for assistance requests in flight. The `time` uniform is
 * advanced by the Animator, only while such lines exist. Plain GLSL: no eval under the CSP.
 */
import { type Color, Material } from '@cesium/engine';

const source = /* glsl */ `
czm_material czm_getMaterial(czm_materialInput materialInput) {
  czm_material material = czm_getDefaultMaterial(materialInput);
  float s = materialInput.st.s;
  float band = fract(s * repeat - time * speed);
  float glow = smoothstep(0.0, 0.35, band) * (1.0 - smoothstep(0.35, 0.45, band));
  float edge = 1.0 - abs(materialInput.st.t - 0.5) * 2.0;
  material.diffuse = color.rgb;
  material.emission = color.rgb * (0.4 + glow);
  material.alpha = color.a * (0.35 + 0.65 * glow) * clamp(edge * 1.6, 0.0, 1.0);
  return material;
}`;

export function createFlowMaterial(color: Color): Material {
  return new Material({
    fabric: { uniforms: { color, time: 0, speed: 0.6, repeat: 3 }, source },
    translucent: true,
  });
}
