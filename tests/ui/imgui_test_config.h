// ImGui's configuration for the panel smoke tests (IMGUI_USER_CONFIG of kefu_imgui_null): a failed
// IM_ASSERT, in ImGui or in the panels (imgui.h's inline functions assert too), is reported to the
// running doctest case with ImGui's file and line instead of aborting the process.
#pragma once

namespace kefu::test {
// Defined in tests/ui/null_backend.cpp: records the failure, then throws to leave the broken frame
// (unless the stack is already unwinding).
void imguiAssertFailed(const char* expr, const char* file, int line);
} // namespace kefu::test

#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ::kefu::test::imguiAssertFailed(#_EXPR, __FILE__, __LINE__))
