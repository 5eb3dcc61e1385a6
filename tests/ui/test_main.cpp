// The doctest runner of the panel smoke tests (kefu_panel_tests).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
