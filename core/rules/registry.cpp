#include "rule.h"

namespace kefu::core {

const std::vector<const RuleType*>& ruleTypes() {
    static const std::vector<const RuleType*> types = {
        &rankPointsRule(),  &targetBonusRule(), &probationStagesRule(), &examTypingRule(),
        &dsrDimensionsRule(), &intervalScoreRule(), &checklistRule(),    &composite100Rule(),
        &commissionPoolRule(), &finesEscalatingRule(), &payRule(), &bonusBudgetRule(),
    };
    return types;
}

const RuleType* findRuleType(std::string_view name) {
    for (const RuleType* t : ruleTypes())
        if (t->name == name) return t;
    return nullptr;
}

} // namespace kefu::core
