// PLACEHOLDER: rule commission_pool is being written; until then validation refuses it.
#include "rule.h"

namespace kefu::core {
namespace {
void validate(const RuleInstance&, const Catalog&, Problems& problems, const std::string& path) {
    problems.add(nullptr, path, "rule type 'commission_pool' is not implemented yet");
}
void evaluate(const RuleInstance&, EvalContext&) {}
} // namespace
const RuleType& commissionPoolRule() {
    static const RuleType t{"commission_pool", {"commission_pool", "commission_pool"}, {}, false, false, validate, evaluate};
    return t;
}
} // namespace kefu::core
