// PLACEHOLDER: rule probation_stages is being written; until then validation refuses it.
#include "rule.h"

namespace kefu::core {
namespace {
void validate(const RuleInstance&, const Catalog&, Problems& problems, const std::string& path) {
    problems.add(nullptr, path, "rule type 'probation_stages' is not implemented yet");
}
void evaluate(const RuleInstance&, EvalContext&) {}
} // namespace
const RuleType& probationStagesRule() {
    static const RuleType t{"probation_stages", {"probation_stages", "probation_stages"}, {}, false, false, validate, evaluate};
    return t;
}
} // namespace kefu::core
