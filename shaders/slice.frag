#version 330 core
// Reslice + window/level (+ MIP slab) of a CT volume held in Hounsfield units.
//
// Pixel -> patient (LPS mm): p = u_center + u_right * (x - w/2) + u_down * (y - h/2), with x, y
// measured from the viewport's top-left corner (pixel centres at +0.5). Patient -> texture:
// u_patient_to_tex, built from the DICOM origin, spacing and direction. The texture is
// GL_R16_SNORM holding the int16 HU bits, so hu = texel * 32767.
uniform sampler3D u_volume;
uniform mat4 u_patient_to_tex;
uniform vec4 u_viewport;     // x, y (bottom, framebuffer pixels), width, height
uniform vec3 u_center;       // patient point at the viewport centre
uniform vec3 u_right;        // patient mm per pixel to the right
uniform vec3 u_down;         // patient mm per pixel downwards
uniform vec3 u_normal;       // unit normal of the slice plane
uniform float u_slab_half;   // half thickness of the MIP slab (mm); 0 = thin slice
uniform int u_slab_samples;  // samples across the slab (1 = thin slice)
uniform vec2 u_window;       // width, centre (HU)

out vec4 frag_color;

const float kOutside = -100000.0;

float HuAt(vec3 p) {
  vec3 tc = (u_patient_to_tex * vec4(p, 1.0)).xyz;
  if (any(lessThan(tc, vec3(0.0))) || any(greaterThan(tc, vec3(1.0)))) return kOutside;
  return texture(u_volume, tc).r * 32767.0;
}

// PS3.3 C.11.2.1.2.1, linear VOI LUT function.
float Window(float x) {
  float w = max(u_window.x, 1.0);
  float c = u_window.y;
  if (x <= c - 0.5 - (w - 1.0) / 2.0) return 0.0;
  if (x > c - 0.5 + (w - 1.0) / 2.0) return 1.0;
  return clamp((x - (c - 0.5)) / max(w - 1.0, 1e-6) + 0.5, 0.0, 1.0);
}

void main() {
  vec2 px = vec2(gl_FragCoord.x - u_viewport.x, u_viewport.y + u_viewport.w - gl_FragCoord.y);
  vec3 p = u_center + u_right * (px.x - 0.5 * u_viewport.z) + u_down * (px.y - 0.5 * u_viewport.w);
  float hu = kOutside;
  if (u_slab_samples <= 1) {
    hu = HuAt(p);
  } else {
    for (int s = 0; s < u_slab_samples; ++s) {
      float t = mix(-u_slab_half, u_slab_half, float(s) / float(u_slab_samples - 1));
      hu = max(hu, HuAt(p + u_normal * t));
    }
  }
  if (hu <= kOutside) {
    frag_color = vec4(0.0, 0.0, 0.0, 1.0);
    return;
  }
  frag_color = vec4(vec3(Window(hu)), 1.0);
}
