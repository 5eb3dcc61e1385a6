// The demo shop (assets/demo/*.csv, embedded at build time) as a LoadShop action; a tiny inline
// sample stands in when the build has no demo files.
#pragma once
#include "app_state.h"

namespace kefu::web {

core::LoadShop demoShopAction();

} // namespace kefu::web
