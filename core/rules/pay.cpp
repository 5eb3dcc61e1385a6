// PLACEHOLDER: rule pay is being written; until then validation refuses it.
#include "rule.h"

namespace kefu::core {
namespace {
void validate(const RuleInstance&, const Catalog&, Problems& problems, const std::string& path) {
    problems.add(nullptr, path, "rule type 'pay' is not implemented yet");
}
void evaluate(const RuleInstance&, EvalContext&) {}
} // namespace
const RuleType& payRule() {
    static const RuleType t{"pay", {"pay", "pay"}, {}, false, false, validate, evaluate};
    return t;
}
} // namespace kefu::core
