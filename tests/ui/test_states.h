// The app states the panels are drawn with, each made with core::apply as the app makes it: an
// empty app, the demo shop, a snapshot preview, a merge with a conflict, a read-only tab and a
// closed month. Built once (the demo shop takes a moment under the sanitizers) and copied.
#pragma once
#include <string>
#include <vector>

#include "app_state.h"

namespace kefu::test {

core::AppState emptyState();
// assets/demo/ through web::demoShopAction() (the app's 打开示例店铺), opened by 王经理.
core::AppState demoState();
// The demo shop's own snapshot file opened: a preview of the same shop (merge or replace).
core::AppState previewState();
// Two managers' copies changed the same cell of the last month: merging, one conflict listed.
core::AppState conflictState();
// Another tab edits the shop: every change is refused.
core::AppState readOnlyState();
// Set up by hand (StartShop), two months, an agent off the team from the second.
core::AppState teamState();
// The selected month closed, with the notice of an edit it refused.
core::AppState closedState();

struct NamedState {
    std::string name;
    core::AppState state;
};
// Every state above, in Chinese and in English (built once).
const std::vector<NamedState>& allStates();

} // namespace kefu::test
