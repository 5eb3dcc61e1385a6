/* SDL2 configuration of KefuScore's WebAssembly build: Emscripten's own configuration minus the
 * subsystems the page does not use (the same set SDL's CMake gives with them switched off).
 * Installed as SDL2/SDL_config.h by scripts/sdl2-wasm/CMakeLists.txt. */
#ifndef SDL_config_h_
#define SDL_config_h_
#include "SDL_config_emscripten.h"

#undef SDL_AUDIO_DRIVER_DISK
#undef SDL_AUDIO_DRIVER_EMSCRIPTEN
#undef SDL_POWER_EMSCRIPTEN
#undef SDL_FILESYSTEM_EMSCRIPTEN
#undef SDL_LOADSO_DLOPEN
#undef SDL_VIDEO_RENDER_OGL_ES2

#define SDL_ATOMIC_DISABLED 1
#define SDL_AUDIO_DISABLED 1
#define SDL_SENSOR_DISABLED 1
#define SDL_LOADSO_DISABLED 1
#define SDL_RENDER_DISABLED 1
#define SDL_POWER_DISABLED 1
#define SDL_FILESYSTEM_DISABLED 1
#define SDL_LOCALE_DISABLED 1
#define SDL_MISC_DISABLED 1
#define SDL_HAPTIC_DUMMY 1
#define SDL_LOADSO_DUMMY 1
#define SDL_FILESYSTEM_DUMMY 1
#define SDL_MISC_DUMMY 1
#define SDL_LOCALE_DUMMY 1
#endif
