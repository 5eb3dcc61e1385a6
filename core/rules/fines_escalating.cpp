// PLACEHOLDER: rule fines_escalating is being written; until then validation refuses it.
#include "rule.h"

namespace kefu::core {
namespace {
void validate(const RuleInstance&, const Catalog&, Problems& problems, const std::string& path) {
    problems.add(nullptr, path, "rule type 'fines_escalating' is not implemented yet");
}
void evaluate(const RuleInstance&, EvalContext&) {}
} // namespace
const RuleType& finesEscalatingRule() {
    static const RuleType t{"fines_escalating", {"fines_escalating", "fines_escalating"}, {}, false, false, validate, evaluate};
    return t;
}
} // namespace kefu::core
