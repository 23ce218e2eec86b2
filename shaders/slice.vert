#version 330 core
// One triangle covering the viewport; the fragment shader works out where each pixel lies in
// patient space, so no vertex data is needed (drawn with glDrawArrays(GL_TRIANGLES, 0, 3)).
void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
