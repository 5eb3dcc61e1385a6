// PLACEHOLDER: rule dsr_dimensions is being written; until then validation refuses it.
#include "rule.h"

namespace kefu::core {
namespace {
void validate(const RuleInstance&, const Catalog&, Problems& problems, const std::string& path) {
    problems.add(nullptr, path, "rule type 'dsr_dimensions' is not implemented yet");
}
void evaluate(const RuleInstance&, EvalContext&) {}
} // namespace
const RuleType& dsrDimensionsRule() {
    static const RuleType t{"dsr_dimensions", {"dsr_dimensions", "dsr_dimensions"}, {}, false, false, validate, evaluate};
    return t;
}
} // namespace kefu::core
