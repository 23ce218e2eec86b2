// OpenGL 3.3 core entry points. libOpenGL (GLVND) exports every core function, so prototypes
// are enough and no loader library is needed. Include this before GLFW (GLFW_INCLUDE_NONE).
#pragma once

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/glcorearb.h>
