// Persisting the app: the shop data of an AppState (name, roster, months of metrics and events,
// the scheme) as a Shop for snapshots, and back. Records that did not change keep their ids and
// revision stamps from the previous save, so merges between copies stay record by record.
#pragma once
#include <string>

#include "app_state.h"
#include "shop.h"

namespace kefu::core {

// `previous` is the last saved Shop (empty for the first save: a new shop id is made from `seed`).
Shop shopFromState(const AppState& state, const Shop& previous, int64_t now, const std::string& author, uint64_t seed);
// Replaces the state's shop data with the snapshot's and recomputes the results.
void stateFromShop(AppState& state, const Shop& shop);

} // namespace kefu::core
