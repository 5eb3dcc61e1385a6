// PLACEHOLDER: rule checklist is being written; until then validation refuses it.
#include "rule.h"

namespace kefu::core {
namespace {
void validate(const RuleInstance&, const Catalog&, Problems& problems, const std::string& path) {
    problems.add(nullptr, path, "rule type 'checklist' is not implemented yet");
}
void evaluate(const RuleInstance&, EvalContext&) {}
} // namespace
const RuleType& checklistRule() {
    static const RuleType t{"checklist", {"checklist", "checklist"}, {}, false, false, validate, evaluate};
    return t;
}
} // namespace kefu::core
