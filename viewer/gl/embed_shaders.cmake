# Writes OUT: a C++ file defining nadir::viewer::EmbeddedShader(name) over the files in SHADERS.
set(body "// Generated from shaders/ by embed_shaders.cmake; do not edit.\n#include <string_view>\n\nnamespace nadir::viewer {\n\nstd::string_view EmbeddedShader(std::string_view name) {\n")
foreach(file ${SHADERS})
  get_filename_component(name ${file} NAME)
  file(READ ${file} text)
  string(APPEND body "  if (name == \"${name}\") return R\"glsl(${text})glsl\";\n")
endforeach()
string(APPEND body "  return {};\n}\n\n}  // namespace nadir::viewer\n")
file(WRITE ${OUT} "${body}")
