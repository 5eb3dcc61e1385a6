// PLACEHOLDER: rule target_bonus is being written; until then validation refuses it.
#include "rule.h"

namespace kefu::core {
namespace {
void validate(const RuleInstance&, const Catalog&, Problems& problems, const std::string& path) {
    problems.add(nullptr, path, "rule type 'target_bonus' is not implemented yet");
}
void evaluate(const RuleInstance&, EvalContext&) {}
} // namespace
const RuleType& targetBonusRule() {
    static const RuleType t{"target_bonus", {"target_bonus", "target_bonus"}, {}, false, false, validate, evaluate};
    return t;
}
} // namespace kefu::core
