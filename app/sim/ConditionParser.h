#pragma once

#include "app/sim/Conditions.h"

namespace Sim {

// Tokenizer and recursive-descent parser for Conditions: or := and ("or" and)*, and := unary ("and"
// unary)*, unary := "not" unary | "(" or ")" | field op value.
namespace ConditionParser {

// The expression tree of text, or nullptr with *error naming the problem and its position.
std::shared_ptr<const Conditions::Node> parse(const QString& text, QString* error);

} // namespace ConditionParser

} // namespace Sim
