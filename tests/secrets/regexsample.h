#pragma once

#include <string>
#include <string_view>

/// Writes a string that an RE2 pattern matches in full, so tests can build a true positive for
/// each of gitleaks' rules at run time (no token-shaped literal is ever committed). Understands
/// the syntax gitleaks' rules use: literals and escapes, classes, groups, flags, alternation,
/// repetition and anchors. Repetitions take their least count, alternatives the first one that
/// writes something (with Any: counting from one drawn at random), `.` a dot, a negated class a letter or
/// digit outside it; class members are drawn at random from `seed`, so a seed gives one string.
class RegexSample
{
public:
    enum class Alternatives { First, Any };
    static std::string generate(
        std::string_view pattern, unsigned seed, Alternatives alternatives = Alternatives::First);
};
