// PLACEHOLDER: rule composite_100 is being written; until then validation refuses it.
#include "rule.h"

namespace kefu::core {
namespace {
void validate(const RuleInstance&, const Catalog&, Problems& problems, const std::string& path) {
    problems.add(nullptr, path, "rule type 'composite_100' is not implemented yet");
}
void evaluate(const RuleInstance&, EvalContext&) {}
} // namespace
const RuleType& composite100Rule() {
    static const RuleType t{"composite_100", {"composite_100", "composite_100"}, {}, false, false, validate, evaluate};
    return t;
}
} // namespace kefu::core
