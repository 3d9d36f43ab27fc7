#pragma once

#include <string>
#include <vector>

namespace tassel {

/// `text` with every occurrence of each clear secret value replaced by `***`, both as written
/// and as a JSON string escapes it, so it serves plain text and a notebook's raw JSON alike.
/// Shared by the writers of masked notebook copies (graduation's `notebooks/` copy,
/// `tassel verify --save-executed`). The values are clear secrets: keep them in memory only.
std::string maskSecretValues(std::string text, const std::vector<std::string> &values);

} // namespace tassel
